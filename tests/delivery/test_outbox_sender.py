"""The sender delivers each queued message once, at Telegram's pace, through crashes and errors."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import TimedOut

from bot.delivery import attempts
from bot.delivery.attempts import deliver
from bot.delivery.sender import MAX_IN_FLIGHT
from bot.runtime.clock import FixedClock
from bot.runtime.context import BotContext
from bot.runtime.settings import Settings
from storage.delivery import OutboxMessage
from tests.delivery.outboxing import add_psm, deliveries, queue
from tests.factories import fetch
from tests.harness import BotHarness


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbox_max_attempts": 2})


async def test_flood_control_is_waited_out_and_nobody_is_lost(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 6)
    await queue(schema, 1, people, clock)
    harness.telegram.rate_limit(3)
    await harness.run_job("outbox")
    assert harness.telegram.rate_limited_count > 0
    assert deliveries(harness) == Counter(people)


async def test_other_errors_are_retried_later_then_fail_with_the_reason(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    [first, second] = await add_psm(schema, 2)
    harness.telegram.fail_next("sendMessage", 500, "Internal Server Error")
    await queue(schema, 1, [first], clock)
    await harness.run_job("outbox")
    [row] = await fetch(schema, OutboxMessage)
    assert (row.status, row.attempts, row.not_before) == (
        "pending",
        1,
        clock.now() + timedelta(seconds=30),
    )
    await harness.run_job("outbox")
    clock.set(clock.now() + timedelta(seconds=30))
    await harness.run_job("outbox")
    assert deliveries(harness) == Counter([first])

    for _ in range(2):
        harness.telegram.fail_next("sendMessage", 500, "Internal Server Error")
    await queue(schema, 2, [second], clock)
    await harness.run_job("outbox")
    clock.set(clock.now() + timedelta(seconds=30))
    await harness.run_job("outbox")
    [row] = await fetch(schema, OutboxMessage, campaign_id=2)
    assert (row.status, row.attempts) == ("failed", 2)
    assert row.last_error == "telegram.error.NetworkError: Internal Server Error"


async def test_a_sender_killed_mid_campaign_serves_everyone_once_after_the_restart(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 2 * MAX_IN_FLIGHT)
    await queue(schema, 1, people, clock)
    assert harness.app is not None and harness.app.job_queue is not None
    [job] = harness.app.job_queue.get_jobs_by_name("outbox")
    ticking = asyncio.create_task(job.callback(BotContext.from_job(job, harness.app)))
    assert await harness.telegram.signal.wait_until(
        # A send holds its slot until its outcome is committed: beyond MAX_IN_FLIGHT, some are.
        lambda: sum(deliveries(harness).values()) > MAX_IN_FLIGHT + 2,
        5,
    )
    # Cancelling the bare callback is a kill: no tidying up runs, rows stay as they were.
    ticking.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await ticking
    statuses = Counter(r.status for r in await fetch(schema, OutboxMessage))
    assert statuses["sent"] > 0 and statuses["sending"] > 0

    await harness.restart()
    await harness.run_job("outbox")
    served = deliveries(harness)
    assert set(served) == set(people)
    twice = [chat for chat, times in served.items() if times > 1]
    assert max(served.values()) <= 2 and len(twice) <= MAX_IN_FLIGHT
    assert {r.status for r in await fetch(schema, OutboxMessage)} == {"sent"}


async def test_replies_stay_prompt_during_a_large_broadcast(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 40)
    await queue(schema, 1, people, clock)
    sending = asyncio.create_task(harness.run_job("outbox"))
    await harness.telegram.signal.wait_until(lambda: sum(deliveries(harness).values()) >= 10, 5)
    started = time.monotonic()
    reply = await harness.user(people[-1]).send("/bantuan")
    assert reply.messages and time.monotonic() - started < 0.5
    assert not sending.done(), "the broadcast was still going out"
    await sending
    assert sum(deliveries(harness).values()) == 41


async def test_a_send_that_timed_out_is_retried_once_but_never_a_third_time(
    harness: BotHarness, schema: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def accepted_but_timed_out(*args: Any, **kwargs: Any) -> Any:
        await deliver(*args, **kwargs)
        raise TimedOut("read timeout")

    monkeypatch.setattr(attempts, "deliver", accepted_but_timed_out)
    people = await add_psm(schema, 1)
    await queue(schema, 1, people, clock)
    for _ in range(3):
        await harness.run_job("outbox")
        clock.set(clock.now() + timedelta(hours=1))
    assert deliveries(harness) == Counter({people[0]: 2})
    [row] = await fetch(schema, OutboxMessage)
    assert row.status == "failed" and row.last_error.startswith("TimedOut twice")
