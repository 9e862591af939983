"""Announcements reach their audience through the outbox: on time, in each PSM's language."""

from __future__ import annotations

from bot.runtime.clock import FixedClock
from tests.announcing import (
    COORDINATOR,
    DEWI,
    EKO,
    RUDI,
    SITI,
    add_people,
    at,
    compose,
    publish,
    texts_to,
    when,
)
from tests.conftest import ADMIN_ID
from tests.harness import BotHarness, Chat
from tests.texts import said


async def test_a_scheduled_announcement_waits_for_its_time_then_reaches_everyone(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    await harness.run_job("outbox")
    clock.set(at(10, 7, 59))
    await harness.run_job("outbox")
    assert harness.telegram.sent_to(SITI) == [] and harness.telegram.sent_to(RUDI) == []

    clock.set(at(10, 8))
    await harness.run_job("outbox")
    [siti] = harness.telegram.sent_to(SITI)
    assert "Bimtek Pendampingan Lansia" in siti["text"] and when(at(15, 9)) in siti["text"]
    [rudi] = harness.telegram.sent_to(RUDI)
    assert when(at(15, 9), "en") in rudi["text"]
    labels = [b["text"] for row in rudi["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == [said("button-rsvp-yes", "en"), said("button-rsvp-no", "en")]
    assert harness.telegram.sent_to(DEWI) == [] and harness.telegram.sent_to(EKO) == []

    await harness.run_job("outbox")
    assert len(harness.telegram.sent_to(SITI)) == 1


async def test_sending_now_goes_out_on_the_next_outbox_tick(
    coordinator: Chat, harness: BotHarness
) -> None:
    await publish(coordinator)
    await harness.run_job("outbox")
    assert len(texts_to(harness, SITI)) == 1 and len(texts_to(harness, RUDI)) == 1


async def test_coordinators_only_reaches_coordinators(harness: BotHarness, schema: str) -> None:
    await add_people(schema)
    admin = harness.user(ADMIN_ID)
    await compose(admin, audience=("Khusus koordinator",))
    await admin.tap(said("button-announce-submit"))
    await harness.run_job("outbox")
    assert "Bimtek" in texts_to(harness, COORDINATOR)[-1]
    assert texts_to(harness, SITI) == []


async def test_blocked_recipients_are_not_counted_as_delivered(
    coordinator: Chat, harness: BotHarness
) -> None:
    harness.telegram.block_chat(RUDI)
    await publish(coordinator)
    await harness.run_job("outbox")
    card = await coordinator.tap(said("button-announce-open"))
    assert card.says("announce-detail", sent=1, pending=0, blocked=1, failed=0)
    assert card.says("announce-detail", status=said("announce-status-delivered"))
    assert card.says("announce-detail", yes=0, no=0, unanswered=1)


async def test_the_card_shows_pending_sends_before_the_send_time(
    coordinator: Chat, harness: BotHarness
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    card = await coordinator.tap(said("button-announce-open"))
    assert card.says("announce-detail", sent=0, pending=2, send=when(at(10, 8)))
    assert card.says("announce-detail", status=said("announce-status-scheduled"))
    assert {said("button-announce-reschedule"), said("button-announce-cancel")} <= set(card.buttons)
