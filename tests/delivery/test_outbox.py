"""The outbox delivers each queued message once, at Telegram's pace, through crashes and errors."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from telegram.error import TimedOut

from bot.delivery import outbox, sender
from bot.delivery.payload import Payload
from bot.delivery.sender import MAX_IN_FLIGHT, deliver
from bot.runtime.clock import FixedClock
from bot.runtime.context import BotContext
from bot.runtime.settings import Settings
from storage.audit import AuditEntry
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxMessage
from storage.people import Role, User, UserStatus
from tests.factories import CIPONDOH, SUKARASA, TANGERANG, fetch
from tests.harness import BotHarness

KIND = "test"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbox_max_attempts": 2})


async def add_psm(url: str, count: int, status: UserStatus = UserStatus.ACTIVE) -> list[int]:
    """`count` PSM of Sukarasa in one transaction; returns their Telegram ids."""
    first = 3001 if status == UserStatus.ACTIVE else 4001
    ids = list(range(first, first + count))
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        session.add_all(
            User(
                telegram_id=i,
                full_name=f"PSM {i}",
                role=Role.PSM,
                status=status,
                kelurahan_code=SUKARASA,
                kecamatan_code=TANGERANG,
            )
            for i in ids
        )
    await engine.dispose()
    return ids


async def queue(
    url: str, campaign_id: int, ids: list[int], clock: FixedClock, later: int = 0
) -> int:
    """Queue a test message for these users, due `later` minutes from the clock's now."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        users = list(await session.scalars(select(User).where(User.telegram_id.in_(ids))))
        added = await outbox.enqueue(
            session,
            kind=KIND,
            campaign_id=campaign_id,
            recipients=users,
            payload=Payload(f"Pesan <b>{campaign_id}</b>", buttons=[[("Oke", "x:ok")]]),
            not_before=clock.now() + timedelta(minutes=later),
        )
    await engine.dispose()
    return added


def deliveries(harness: BotHarness) -> Counter[int]:
    """Accepted sendMessage requests per chat."""
    return Counter(
        int(r.params["chat_id"])
        for r in harness.telegram.requests
        if r.method == "sendMessage" and r.ok
    )


async def test_queueing_twice_adds_nobody_and_leaves_inactive_users_out(
    schema: str, clock: FixedClock
) -> None:
    active = await add_psm(schema, 3)
    inactive = await add_psm(schema, 1, UserStatus.INACTIVE)
    assert await queue(schema, 1, active + inactive, clock) == 3
    assert await queue(schema, 1, active + inactive, clock) == 0
    engine = create_engine(schema)
    async with create_sessions(engine).begin() as session:
        assert len(await outbox.audience_users(session, {"all": True})) == 3
        assert len(await outbox.audience_users(session, {"kecamatan": [TANGERANG]})) == 3
        assert await outbox.audience_users(session, {"kecamatan": [CIPONDOH]}) == []
        assert await outbox.audience_users(session, {"coordinators": True}) == []
        assert await outbox.cancel_pending(session, KIND, 1) == 3
        assert await outbox.counts(session, KIND, 1) == outbox.DeliveryCounts(cancelled=3)
    await engine.dispose()


async def test_due_messages_go_out_once_even_across_a_restart(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 3)
    await queue(schema, 1, people, clock, later=60)
    await harness.run_job("outbox")
    assert deliveries(harness) == Counter()

    await harness.restart()
    clock.set(clock.now() + timedelta(hours=1))
    await harness.run_job("outbox")
    await harness.run_job("outbox")
    assert deliveries(harness) == Counter(people)
    [message] = harness.telegram.sent_to(people[0])
    assert message["text"] == "Pesan 1" and message["reply_markup"]["inline_keyboard"]
    rows = await fetch(schema, OutboxMessage)
    assert {(r.status, r.attempts) for r in rows} == {("sent", 1)}
    assert all(r.telegram_message_id and r.sent_at == clock.now() for r in rows)


async def test_a_recipient_who_blocked_the_bot_is_skipped_from_then_on(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 3)
    harness.telegram.block_chat(people[0])
    await queue(schema, 1, people, clock)
    await queue(schema, 2, people, clock, later=1)
    await harness.run_job("outbox")
    [blocked] = await fetch(schema, User, telegram_id=people[0])
    assert blocked.status == UserStatus.BLOCKED
    assert [a.detail["user_id"] for a in await fetch(schema, AuditEntry)] == [blocked.id]

    clock.set(clock.now() + timedelta(minutes=1))
    await harness.run_job("outbox")
    tried = harness.telegram.requests_for(people[0])
    assert len(tried) == 1, "queued before the block, but not tried again"
    assert await queue(schema, 3, people, clock) == 2
    engine = create_engine(schema)
    async with create_sessions(engine)() as session:
        assert await outbox.counts(session, KIND, 1) == outbox.DeliveryCounts(sent=2, blocked=1)
        assert await outbox.counts(session, KIND, 2) == outbox.DeliveryCounts(sent=2, cancelled=1)
    await engine.dispose()


async def test_a_recipient_who_unblocks_the_bot_and_restarts_it_receives_again(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 2)
    harness.telegram.block_chat(people[0])
    await queue(schema, 1, people, clock)
    await harness.run_job("outbox")
    harness.telegram.unblock_chat(people[0])

    reply = await harness.user(people[0]).send("/start")
    assert reply.text.startswith("Selamat datang kembali")
    [back] = await fetch(schema, User, telegram_id=people[0])
    assert back.status == UserStatus.ACTIVE
    assert [a.action for a in await fetch(schema, AuditEntry)] == [
        "user.blocked_bot",
        "user.unblocked_bot",
    ]
    assert await queue(schema, 2, people, clock) == 2
    await harness.run_job("outbox")
    assert [m["text"] for m in harness.telegram.sent_to(people[0])][-1] == "Pesan 2"


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
    assert row.last_error == "NetworkError: Internal Server Error"


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


async def test_completion_hooks_run_once_each_time_a_campaign_has_nothing_left(
    harness: BotHarness, schema: str, clock: FixedClock, settings: Settings
) -> None:
    finished: list[int] = []

    async def record_finish(context: BotContext, campaign_id: int) -> None:
        finished.append(campaign_id)

    assert harness.app is not None and harness.app.job_queue is not None
    [job] = harness.app.job_queue.get_jobs_by_name("outbox")
    context = BotContext.from_job(job, harness.app)
    sending = sender.OutboxSender(settings, hooks={KIND: record_finish})
    people = await add_psm(schema, 2)
    await queue(schema, 7, people[:1], clock)
    await queue(schema, 8, people, clock, later=5)
    await sending.drain(context)
    await sending.drain(context)
    assert finished == [7]

    await queue(schema, 7, people, clock)
    await sending.drain(context)
    assert finished == [7, 7]


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

    monkeypatch.setattr(sender, "deliver", accepted_but_timed_out)
    people = await add_psm(schema, 1)
    await queue(schema, 1, people, clock)
    for _ in range(3):
        await harness.run_job("outbox")
        clock.set(clock.now() + timedelta(hours=1))
    assert deliveries(harness) == Counter({people[0]: 2})
    [row] = await fetch(schema, OutboxMessage)
    assert row.status == "failed" and row.last_error.startswith("TimedOut twice")
