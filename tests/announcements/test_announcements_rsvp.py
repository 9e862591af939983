"""PSM answer Hadir / Tidak hadir until the event starts and check in with /hadir on its day."""

from __future__ import annotations

import pytest

from bot.runtime.clock import FixedClock
from storage.announcements import Attendance, Rsvp
from tests.announcing import (
    COORDINATOR,
    DEWI,
    RUDI,
    SITI,
    add_people,
    at,
    invitation,
    publish,
    rsvp,
    when,
)
from tests.factories import fetch
from tests.harness import BotHarness
from tests.texts import said

TITLE = "Bimtek Pendampingan Lansia"
YES, NO = said("button-rsvp-yes"), said("button-rsvp-no")


def ticked(label: str) -> str:
    return said("button-rsvp-chosen", label=label)


@pytest.fixture
async def code(harness: BotHarness, schema: str) -> str:
    """An announcement of an event on 15 December 09:00, delivered to Siti and Rudi."""
    await add_people(schema)
    code = await publish(harness.user(COORDINATOR))
    await harness.run_job("outbox")
    return code


async def test_psm_answers_and_may_change_the_answer_until_the_start(
    code: str, harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    assert await rsvp(harness, SITI, "yes") == said("rsvp-saved-yes")
    labels = [b["text"] for b in invitation(harness, SITI)["reply_markup"]["inline_keyboard"][0]]
    assert labels == [ticked(YES), NO]
    [answer] = await fetch(schema, Rsvp)
    assert answer.answer == "yes"
    assert await rsvp(harness, RUDI, "yes") == said("rsvp-saved-yes", "en")

    clock.set(at(15, 8, 59))
    assert await rsvp(harness, SITI, "no") == said("rsvp-saved-no")
    labels = [b["text"] for b in invitation(harness, SITI)["reply_markup"]["inline_keyboard"][0]]
    assert labels == [YES, ticked(NO)]
    assert sorted(r.answer for r in await fetch(schema, Rsvp)) == ["no", "yes"]

    clock.set(at(15, 9))
    assert await rsvp(harness, SITI, "yes") == said("rsvp-refused-closed")
    assert sorted(r.answer for r in await fetch(schema, Rsvp)) == ["no", "yes"]


async def test_the_same_answer_twice_is_fine(code: str, harness: BotHarness, schema: str) -> None:
    await rsvp(harness, SITI, "yes")
    assert await rsvp(harness, SITI, "yes") == said("rsvp-saved-yes")
    assert len(await fetch(schema, Rsvp)) == 1


async def test_only_recipients_can_answer(code: str, harness: BotHarness, schema: str) -> None:
    message = invitation(harness, SITI)
    data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await harness.user(DEWI).tap_data(data, message)
    assert await fetch(schema, Rsvp) == []


async def test_attendance_is_recorded_on_the_event_day_only(
    code: str, harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    siti = harness.user(SITI)
    assert said("checkin-usage") in (await siti.send("/hadir")).text
    not_today = said("checkin-refused-not-today", date=when(at(15, 9)))
    assert not_today in (await siti.send(f"/hadir {code}")).text
    clock.set(at(15, 8))
    assert said("checkin-refused-unknown") in (await siti.send("/hadir ZZZZZZ")).text
    done = said("checkin-done", title=TITLE)
    assert done in (await siti.send(f"/hadir {code.lower()}")).text
    assert said("checkin-again", title=TITLE) in (await siti.send(f"/hadir {code}")).text
    not_invited = said("checkin-refused-not-invited")
    assert not_invited in (await harness.user(DEWI).send(f"/hadir {code}")).text
    clock.set(at(16, 8))
    in_english = said("checkin-refused-not-today", "en", date=when(at(15, 9), "en"))
    assert in_english in (await harness.user(RUDI).send(f"/hadir {code}")).text
    assert len(await fetch(schema, Attendance)) == 1

    card = await harness.user(COORDINATOR).tap(said("button-announce-open"))
    assert card.says("announce-detail", attended=1)


async def test_hadir_works_in_the_middle_of_a_report(
    code: str, harness: BotHarness, clock: FixedClock
) -> None:
    clock.set(at(15, 8))
    siti = harness.user(SITI)
    await siti.send("/lapor")
    assert said("checkin-done", title=TITLE) in (await siti.send(f"/hadir {code}")).text
    assert said("report-ask-category-group") in (await siti.send("/lapor")).text
