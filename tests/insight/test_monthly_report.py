"""The monthly report goes out by itself on the 1st at 08:00, once, through the outbox."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.delivery import Payload, enqueue, store_media
from bot.runtime.clock import FixedClock
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxAttachment, OutboxMessage
from storage.insight import MonthlyReport
from storage.people import User
from tests.conftest import ADMIN_ID
from tests.factories import fetch
from tests.harness import BotHarness
from tests.insight.charts_sample import png_size
from tests.insight.conftest import COORD_CIPONDOH, COORD_TANGERANG, COORD_TWO, rekap_title
from tests.texts import said_pattern

JAKARTA = ZoneInfo("Asia/Jakarta")
RECIPIENTS = {COORD_TANGERANG, COORD_CIPONDOH, COORD_TWO, ADMIN_ID}


@pytest.fixture
def clock() -> FixedClock:
    """One minute before the report is due."""
    return FixedClock(datetime(2026, 12, 1, 7, 59, tzinfo=JAKARTA))


def at(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=JAKARTA)


def albums(harness: BotHarness) -> Counter[int]:
    """Accepted sendMediaGroup requests per chat."""
    return Counter(
        int(r.params["chat_id"])
        for r in harness.telegram.requests
        if r.method == "sendMediaGroup" and r.ok
    )


async def test_report_goes_once_at_eight_even_across_a_restart(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    await harness.run_job("monthly_report")
    assert await fetch(people, MonthlyReport) == []

    clock.set(at(8))
    await harness.run_job("monthly_report")
    await harness.restart()
    await harness.run_job("monthly_report")
    [report] = await fetch(people, MonthlyReport)
    assert (report.id, report.recipients) == (202611, 4)
    assert len(await fetch(people, OutboxMessage, kind="monthly_report")) == 4

    await harness.deliver()
    await harness.deliver()
    assert albums(harness) == Counter(RECIPIENTS)
    caption = harness.telegram.sent_to(COORD_TANGERANG)[0]["caption"]
    assert rekap_title("Tangerang") in caption
    assert said_pattern("rekap-summary-cases", total=3).search(caption)
    city = harness.telegram.sent_to(ADMIN_ID)[0]["caption"]
    assert rekap_title("Kota Tangerang") in city
    assert said_pattern("rekap-summary-cases", total=5).search(city)
    photos = [m for m in harness.telegram.sent_to(COORD_CIPONDOH) if "photo" in m]
    assert len(photos) == 6  # no referrals, no timing: fewer charts
    largest = photos[0]["photo"][-1]["file_id"]
    assert png_size(harness.telegram.state.files[largest].data) == (1080, 1080)
    # Sent everywhere: the chart files are gone from the database.
    assert await fetch(people, OutboxAttachment) == []


async def test_report_waits_for_the_end_of_quiet_hours(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    harness.settings.quiet_hours = "06:00-09:00"
    clock.set(at(8))
    await harness.run_job("monthly_report")
    clock.set(at(8, 30))
    await harness.deliver()
    assert albums(harness) == Counter()
    clock.set(at(9))
    await harness.deliver()
    assert albums(harness) == Counter(RECIPIENTS)


async def test_a_bot_that_was_down_at_eight_sends_it_when_it_starts(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    clock.set(at(13, 30))
    await harness.run_job("monthly_report")
    assert len(await fetch(people, MonthlyReport)) == 1


async def test_a_report_days_late_is_not_sent_and_none_is_sent_mid_month(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    for moment in (at(8, day=4), at(8, day=15), at(8, 0) - timedelta(minutes=1)):
        clock.set(moment)
        await harness.run_job("monthly_report")
    assert await fetch(people, MonthlyReport) == []


async def test_the_report_can_be_turned_off(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    harness.settings.monthly_report = False
    clock.set(at(8))
    await harness.run_job("monthly_report")
    assert await fetch(people, MonthlyReport) == []
    assert await fetch(people, OutboxMessage) == []


async def test_one_stored_image_goes_as_a_photo_with_the_text(
    harness: BotHarness, people: str, clock: FixedClock
) -> None:
    engine = create_engine(people)
    async with create_sessions(engine).begin() as session:
        [coordinator] = await session.scalars(select(User).where(User.telegram_id == COORD_TWO))
        [image] = await store_media(session, "test", 1, [("one.png", b"\x89PNG one")])
        await enqueue(
            session,
            kind="test",
            campaign_id=1,
            recipients=[coordinator],
            payload=Payload("Satu <b>grafik</b>", media=[image]),
            not_before=clock.now(),
        )
    await engine.dispose()
    await harness.deliver()
    [photo] = harness.telegram.sent_to(COORD_TWO)
    assert photo["caption"] == "Satu grafik"
    largest = photo["photo"][-1]["file_id"]
    assert harness.telegram.state.files[largest].data == b"\x89PNG one"
