"""The outbox sender: a job ticking every OUTBOX_TICK_SECONDS sends due rows at BROADCAST_RATE.

Rows are claimed a second's worth at a time, the most urgent lane first, so a Darurat alert
queued in the middle of a broadcast to a thousand PSM goes out within about a second.

Delivery guarantees (README, "Delivery"): a row is marked sent only after Telegram accepted it.
Rows claimed by a tick that did not finish (a crash, a lost database) are still 'sending'; the
next tick puts them back in the queue. So a message in flight at that moment (at most
MAX_IN_FLIGHT of them: sent, but its outcome not yet committed) may arrive twice, every other
one exactly once. A request that timed out may also have been accepted: it is retried once,
and a second timeout fails the row rather than risk a third copy.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import cast

from bot.delivery.attempts import ChatSpacing, Pacer, attempt
from bot.delivery.claims import (
    Claimed,
    Outcome,
    claim,
    due_for,
    finished_campaigns,
    mark_campaign_done,
    record,
    recover,
    release,
)
from bot.runtime.context import BotApp, BotContext
from bot.runtime.settings import Settings
from storage.db import Sessions

_log = logging.getLogger(__name__)
JOB_NAME = "outbox"
WAKE_JOB = "outbox retry"
# A retry due this soon is sent when it falls due, not at the next tick (OUTBOX_TICK_SECONDS).
WAKE_WITHIN = timedelta(seconds=30)
WAKES_PER_SECOND = 4
# Enough concurrent sends to hide Telegram's latency (0.3 s at 25 messages/s needs 8) and the
# wait for a shared commit; it also bounds how many messages a crash can repeat.
MAX_IN_FLIGHT = 20
CampaignDone = Callable[[BotContext, int], Awaitable[None]]


class Recorder:
    """Commits outcomes in as few transactions as it can: whoever gets to write takes all waiting.

    A send returns only once its outcome is committed and holds its slot until then, so never
    more than MAX_IN_FLIGHT accepted messages are unrecorded. Writing one at a time also spares
    SQLite's single writer the lock contention.
    """

    def __init__(self) -> None:
        self._writing = asyncio.Lock()
        self._waiting: list[tuple[Claimed, Outcome]] = []
        self._queued = self._written = 0

    async def record(self, sessions: Sessions, row: Claimed, outcome: Outcome) -> None:
        self._waiting.append((row, outcome))
        self._queued += 1
        ticket = self._queued
        async with self._writing:
            if ticket <= self._written:
                return  # an earlier writer took it along
            batch, self._waiting = self._waiting, []
            try:
                async with sessions.begin() as session:
                    await record(session, batch)
            finally:
                # On failure these rows stay 'sending' and go back to the queue on the next tick.
                self._written += len(batch)


class OutboxSender:
    """Owns the pace across ticks and the bot-wide pause Telegram asks for with RetryAfter.

    `hooks` are the completion hooks by kind: each runs once a campaign of its kind has nothing
    left to send (at least once: again after a crash in the middle of it, so it is idempotent).
    """

    def __init__(self, settings: Settings, hooks: Mapping[str, CampaignDone] = {}) -> None:
        self._max_attempts = settings.outbox_max_attempts
        self._pacer = Pacer(settings.broadcast_rate)
        self._chats = ChatSpacing(settings.chat_send_interval)
        # A second's worth of sends: how long a more urgent row can wait behind a claimed batch.
        self._batch = max(1, round(settings.broadcast_rate))
        self._hooks = dict(hooks)
        self._ticking = asyncio.Lock()
        self._recorder = Recorder()
        self._resume_at: datetime | None = None
        self._clean = False
        self._wakes: set[int] = set()  # due times of the wakes set, in WAKES_PER_SECOND

    async def tick(self, context: BotContext) -> None:
        """Send every due message and run the hooks of finished campaigns; one tick at a time."""
        if self._ticking.locked():
            return
        await self.drain(context)

    async def drain(self, context: BotContext) -> None:
        """Wait for a running tick, then send until nothing is due (what a tick does)."""
        async with self._ticking:
            if not self._clean:
                # No tick is running, so a row still 'sending' was left by one that died.
                async with context.services.sessions.begin() as session:
                    await recover(session)
                self._clean = True
            try:
                while self._may_send(context):
                    await self._finish_campaigns(context)
                    if not await self._send_due(context):
                        return
            except BaseException:
                self._clean = False
                raise

    def _may_send(self, context: BotContext) -> bool:
        paused = self._resume_at is not None and context.services.clock.now() < self._resume_at
        return context.application.running and not paused

    async def _send_due(self, context: BotContext) -> int:
        """Send due rows at the pace, a few in flight, until none is left; returns how many.

        The next batch is claimed while the last sends of the one before are still in flight,
        so the pace does not stall between batches.
        """
        sessions, clock = context.services.sessions, context.services.clock
        slots = asyncio.Semaphore(MAX_IN_FLIGHT)
        started = 0
        async with asyncio.TaskGroup() as group:
            while self._may_send(context):
                busy = self._chats.busy()
                async with sessions.begin() as session:
                    batch = await claim(session, clock.now(), self._batch, busy)
                    waiting = not batch and await due_for(session, clock.now(), busy)
                if waiting:
                    await self._chats.until_one_is_free()
                    continue
                if not batch:
                    break
                for index, row in enumerate(batch):
                    await slots.acquire()
                    await self._pacer.wait()
                    if not self._may_send(context):
                        slots.release()
                        # Stopping or paused: the rest go back to the queue untried.
                        async with sessions.begin() as session:
                            await release(session, [untried.id for untried in batch[index:]])
                        return started
                    self._chats.started(row.chat_id)
                    group.create_task(self._send_one(context, row, slots))
                    started += 1
        return started

    async def _send_one(self, context: BotContext, row: Claimed, slots: asyncio.Semaphore) -> None:
        try:
            outcome = await attempt(context, row, self._max_attempts)
            if outcome.refund_attempt:
                # Telegram asked the whole bot to wait: nothing more is sent until then.
                self._resume_at = outcome.retry_at
            await self._recorder.record(context.services.sessions, row, outcome)
            if outcome.retry_at is not None:
                self._wake_at(context, outcome.retry_at)
        finally:
            slots.release()

    def _wake_at(self, context: BotContext, due: datetime) -> None:
        """Drain again as soon as a quick retry falls due; one wake per quarter second of due
        times, so a broadcast failing by the hundred sets a few, not hundreds."""
        now = context.services.clock.now()
        slot = math.ceil(due.timestamp() * WAKES_PER_SECOND)
        jobs = cast(BotApp, context.application).job_queue
        if due - now > WAKE_WITHIN or slot in self._wakes or jobs is None:
            return
        self._wakes.add(slot)
        delay = max(0.0, slot / WAKES_PER_SECOND - now.timestamp())
        jobs.run_once(self._woken, delay, data=slot, name=WAKE_JOB)

    async def _woken(self, context: BotContext) -> None:
        assert context.job is not None
        self._wakes.discard(context.job.data)
        await self.drain(context)

    async def _finish_campaigns(self, context: BotContext) -> None:
        """Run the hooks of campaigns with nothing left to send, then close them."""
        sessions = context.services.sessions
        async with sessions() as session:
            finished = await finished_campaigns(session)
        for kind, campaign_id in finished:
            hook = self._hooks.get(kind)
            try:
                if hook is not None:
                    await hook(context, campaign_id)
            except Exception:
                _log.exception("completion hook of %s %s failed", kind, campaign_id)
                continue
            async with sessions.begin() as session:
                await mark_campaign_done(session, kind, campaign_id, context.services.clock.now())


def schedule_sender(application: BotApp, sender: OutboxSender, settings: Settings) -> None:
    """Tick every OUTBOX_TICK_SECONDS; a tick that finds another still sending leaves at once."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        sender.tick,
        interval=settings.outbox_tick_seconds,
        first=settings.outbox_tick_seconds,
        name=JOB_NAME,
        # The lock in tick() already keeps ticks apart; extra instances return at once instead
        # of making the scheduler log a skipped run every interval of a long broadcast.
        job_kwargs={"max_instances": 3, "coalesce": True},
    )
