"""Reminders: the day before to Hadir and unanswered, two hours before to Hadir, each once."""

from __future__ import annotations

import pytest

from bot.runtime.clock import FixedClock
from storage.announcements import AnnouncementReminder
from tests.announcing import (
    COORDINATOR,
    RUDI,
    SITI,
    VENUE,
    add_people,
    at,
    publish,
    rsvp,
    texts_to,
    when,
)
from tests.factories import add_user, fetch
from tests.harness import BotHarness
from tests.texts import said, said_pattern

TONO = 1005


@pytest.fixture
async def answered(harness: BotHarness, schema: str) -> None:
    """Siti said Hadir, Rudi Tidak hadir, Tono has not answered."""
    await add_people(schema)
    await add_user(schema, TONO, name="Tono Sugiarto")
    await publish(harness.user(COORDINATOR))
    await harness.run_job("outbox")
    await rsvp(harness, SITI, "yes")
    await rsvp(harness, RUDI, "no")


async def tick(harness: BotHarness) -> None:
    await harness.run_job("announcement_reminders")
    await harness.run_job("outbox")


def reminders(harness: BotHarness, chat_id: int, key: str, locale: str = "id") -> list[str]:
    """The texts in the chat that are the reminder `key`, whatever its values."""
    pattern = said_pattern(key, locale)
    return [text for text in texts_to(harness, chat_id) if pattern.search(text)]


def reminder(key: str) -> str:
    """The reminder of the Bimtek of tests/announcing.py."""
    return said(key, title="Bimtek Pendampingan Lansia", when=when(at(15, 9)), venue=VENUE)


async def test_the_day_before_reminds_hadir_and_unanswered_exactly_once(
    answered: None, harness: BotHarness, clock: FixedClock
) -> None:
    clock.set(at(14, 8, 59))
    await tick(harness)
    assert reminders(harness, SITI, "announce-reminder-day") == []

    clock.set(at(14, 9))
    await tick(harness)
    await tick(harness)
    await harness.restart()
    await tick(harness)
    [siti] = reminders(harness, SITI, "announce-reminder-day")
    assert siti == reminder("announce-reminder-day")
    assert len(reminders(harness, TONO, "announce-reminder-day")) == 1
    assert reminders(harness, RUDI, "announce-reminder-day", "en") == []
    # Tono can still answer from the reminder itself.
    assert await rsvp(harness, TONO, "yes") == said("rsvp-saved-yes")


async def test_two_hours_before_reminds_only_hadir_exactly_once(
    answered: None, harness: BotHarness, clock: FixedClock
) -> None:
    clock.set(at(15, 7))
    await tick(harness)
    await harness.restart()
    await tick(harness)
    [siti] = reminders(harness, SITI, "announce-reminder-hours")
    assert siti == reminder("announce-reminder-hours")
    assert reminders(harness, TONO, "announce-reminder-hours") == []
    assert reminders(harness, RUDI, "announce-reminder-hours", "en") == []
    # The day-before reminder, missed while the bot was down, is not sent this late.
    assert reminders(harness, TONO, "announce-reminder-day") == []
    assert reminders(harness, SITI, "announce-reminder-day") == []


async def test_changing_to_hadir_before_the_reminder_is_enough(
    answered: None, harness: BotHarness, clock: FixedClock
) -> None:
    clock.set(at(15, 6))
    await rsvp(harness, RUDI, "yes")
    clock.set(at(15, 7, 1))
    await tick(harness)
    assert len(reminders(harness, RUDI, "announce-reminder-hours", "en")) == 1


async def test_no_reminder_is_planned_before_the_announcement_goes_out(
    harness: BotHarness, schema: str
) -> None:
    await add_people(schema)
    await publish(harness.user(COORDINATOR), event="01-12-2026 20:00")
    [reminder] = await fetch(schema, AnnouncementReminder)
    assert reminder.kind == "reminder_2h"
