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
)
from tests.factories import fetch
from tests.harness import BotHarness


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
    assert "Jawaban Anda: Hadir" in await rsvp(harness, SITI, "yes")
    labels = [b["text"] for b in invitation(harness, SITI)["reply_markup"]["inline_keyboard"][0]]
    assert labels == ["✅ Hadir", "Tidak hadir"]
    [answer] = await fetch(schema, Rsvp)
    assert answer.answer == "yes"
    assert "attending" in await rsvp(harness, RUDI, "yes")

    clock.set(at(15, 8, 59))
    assert "Tidak hadir" in await rsvp(harness, SITI, "no")
    labels = [b["text"] for b in invitation(harness, SITI)["reply_markup"]["inline_keyboard"][0]]
    assert labels == ["Hadir", "✅ Tidak hadir"]
    assert sorted(r.answer for r in await fetch(schema, Rsvp)) == ["no", "yes"]

    clock.set(at(15, 9))
    assert "sudah dimulai" in await rsvp(harness, SITI, "yes")
    assert sorted(r.answer for r in await fetch(schema, Rsvp)) == ["no", "yes"]


async def test_the_same_answer_twice_is_fine(code: str, harness: BotHarness, schema: str) -> None:
    await rsvp(harness, SITI, "yes")
    assert "Hadir" in await rsvp(harness, SITI, "yes")
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
    assert "/hadir K7M2QX" in (await siti.send("/hadir")).text
    reply = await siti.send(f"/hadir {code}")
    assert "hari acara: Selasa, 15 Desember 2026" in reply.text
    clock.set(at(15, 8))
    assert "tidak dikenal" in (await siti.send("/hadir ZZZZZZ")).text
    assert "tercatat. Terima kasih" in (await siti.send(f"/hadir {code.lower()}")).text
    assert "sudah tercatat sebelumnya" in (await siti.send(f"/hadir {code}")).text
    assert "tidak termasuk penerima" in (await harness.user(DEWI).send(f"/hadir {code}")).text
    clock.set(at(16, 8))
    assert "hari acara" in (await harness.user(RUDI).send(f"/hadir {code}")).text
    assert len(await fetch(schema, Attendance)) == 1

    card = await harness.user(COORDINATOR).tap("Lihat jawaban")
    assert "Tercatat hadir di acara: 1" in card.text


async def test_hadir_works_in_the_middle_of_a_report(
    code: str, harness: BotHarness, clock: FixedClock
) -> None:
    clock.set(at(15, 8))
    siti = harness.user(SITI)
    await siti.send("/lapor")
    assert "tercatat" in (await siti.send(f"/hadir {code}")).text
    assert "kelompok" in (await siti.send("/lapor")).text
