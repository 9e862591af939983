"""The outbox queues each recipient once, skips who cannot be reached, reports campaigns done."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from bot.delivery import (
    Audience,
    DeliveryCounts,
    cancel_pending,
    counts,
    sender,
)
from bot.runtime.clock import FixedClock
from bot.runtime.context import BotContext
from bot.runtime.settings import Settings
from storage.audit import AuditEntry
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxMessage
from storage.people import User, UserStatus
from tests.delivery.outboxing import KIND, add_psm, deliveries, queue
from tests.factories import CIPONDOH, TANGERANG, fetch
from tests.harness import BotHarness
from tests.texts import said


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbox_max_attempts": 2})


async def test_queueing_twice_adds_nobody_and_leaves_inactive_users_out(
    schema: str, clock: FixedClock
) -> None:
    active = await add_psm(schema, 3)
    inactive = await add_psm(schema, 1, UserStatus.INACTIVE)
    assert await queue(schema, 1, active + inactive, clock) == 3
    assert await queue(schema, 1, active + inactive, clock) == 0
    engine = create_engine(schema)
    async with create_sessions(engine).begin() as session:
        assert len(await Audience(everyone=True).users(session)) == 3
        assert len(await Audience(kecamatan=(TANGERANG,)).users(session)) == 3
        assert await Audience(kecamatan=(CIPONDOH,)).users(session) == []
        assert await Audience(coordinators=True).users(session) == []
        assert await cancel_pending(session, KIND, 1) == 3
        assert await counts(session, KIND, 1) == DeliveryCounts(cancelled=3)
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
        assert await counts(session, KIND, 1) == DeliveryCounts(sent=2, blocked=1)
        assert await counts(session, KIND, 2) == DeliveryCounts(sent=2, cancelled=1)
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
    assert reply.text == said("welcome-psm", name=f"PSM {people[0]}")
    [back] = await fetch(schema, User, telegram_id=people[0])
    assert back.status == UserStatus.ACTIVE
    assert [a.action for a in await fetch(schema, AuditEntry)] == [
        "user.blocked_bot",
        "user.unblocked_bot",
    ]
    assert await queue(schema, 2, people, clock) == 2
    await harness.run_job("outbox")
    assert [m["text"] for m in harness.telegram.sent_to(people[0])][-1] == "Pesan 2"


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
