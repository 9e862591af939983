"""The outbox sender: a job ticking every OUTBOX_TICK_SECONDS sends due rows at BROADCAST_RATE.

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
import warnings
from collections.abc import Sequence
from datetime import datetime, timedelta

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    Message,
)
from telegram.error import Forbidden, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot import outbox_media
from bot.context import BotApp, BotContext
from bot.outbox import Payload, campaign_done_hooks
from bot.outbox_claims import (
    Claimed,
    Outcome,
    claim,
    finished_campaigns,
    mark_campaign_done,
    record,
    recover,
    release,
)
from bot.outbox_media import Attachment
from bot.settings import Settings
from storage.db import Sessions
from storage.outbox import DeliveryStatus

_log = logging.getLogger(__name__)
JOB_NAME = "outbox"
TIMED_OUT = "TimedOut"
# Enough concurrent sends to hide Telegram's latency (0.3 s at 25 messages/s needs 8) and the
# wait for a shared commit; it also bounds how many messages a crash can repeat.
MAX_IN_FLIGHT = 20
BATCH = 100
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
# A slow moment may be caught up by this many sends at once, no more, or a burst would break
# the rate over the following second.
CATCH_UP = 5


async def deliver(
    bot: Bot, chat_id: int, payload: Payload, files: Sequence[Attachment] = ()
) -> Message:
    """Send a payload as recipients get it: a photo or document carries the text as caption;
    stored `files` (its media) go as a photo, or several as one album captioned on the first."""
    if len(files) > 1:
        album = [
            InputMediaPhoto(
                InputFile(data, filename=name, attach=True),
                caption=payload.text if i == 0 else None,
            )
            for i, (name, data) in enumerate(files)
        ]
        return (await bot.send_media_group(chat_id, album))[0]
    if files:
        name, data = files[0]
        return await bot.send_photo(chat_id, InputFile(data, filename=name), caption=payload.text)
    markup = None
    if payload.buttons:
        markup = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(text, callback_data=data) for text, data in row]
                for row in payload.buttons
            ]
        )
    if payload.photo:
        return await bot.send_photo(
            chat_id, payload.photo, caption=payload.text, reply_markup=markup
        )
    if payload.document:
        return await bot.send_document(
            chat_id, payload.document, caption=payload.text, reply_markup=markup
        )
    return await bot.send_message(chat_id, payload.text, reply_markup=markup)


class Pacer:
    """Starts sends 1/rate seconds apart, on the event loop's monotonic clock."""

    def __init__(self, rate: float) -> None:
        self._interval = 1 / rate
        self._next = 0.0

    async def wait(self) -> None:
        now = asyncio.get_running_loop().time()
        self._next = max(self._next, now - CATCH_UP * self._interval)
        if self._next > now:
            await asyncio.sleep(self._next - now)
        self._next += self._interval


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failed try, doubling, at most an hour."""
    return min(FIRST_RETRY * (1 << (attempts - 1)), LONGEST_RETRY)


def _flood_wait(flood: RetryAfter) -> timedelta:
    # PTB warns that retry_after becomes a timedelta in its next major version; take either.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = flood.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)


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
    """Owns the pace across ticks and the bot-wide pause Telegram asks for with RetryAfter."""

    def __init__(self, settings: Settings) -> None:
        self._max_attempts = settings.outbox_max_attempts
        self._pacer = Pacer(settings.broadcast_rate)
        self._ticking = asyncio.Lock()
        self._recorder = Recorder()
        self._resume_at: datetime | None = None

    async def tick(self, context: BotContext) -> None:
        """Send every due message and run the hooks of finished campaigns; one tick at a time."""
        if self._ticking.locked():
            return
        async with self._ticking:
            # No other tick is running, so any row still 'sending' was left by one that died.
            async with context.services.sessions.begin() as session:
                await recover(session)
            while self._may_send(context):
                await self._finish_campaigns(context)
                if not await self._send_due(context):
                    return

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
                async with sessions.begin() as session:
                    batch = await claim(session, clock.now(), BATCH)
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
                    group.create_task(self._send_one(context, row, slots))
                    started += 1
        return started

    async def _send_one(self, context: BotContext, row: Claimed, slots: asyncio.Semaphore) -> None:
        try:
            outcome = await self._attempt(context, row)
            await self._recorder.record(context.services.sessions, row, outcome)
        finally:
            slots.release()

    async def _attempt(self, context: BotContext, row: Claimed) -> Outcome:
        """Send one row and say what became of it."""
        clock = context.services.clock
        try:
            payload = Payload.from_json(row.payload)
            files = await outbox_media.load(context.services.sessions, payload.media or [])
            message = await deliver(context.bot, row.chat_id, payload, files)
        except RetryAfter as flood:
            self._resume_at = clock.now() + _flood_wait(flood)
            return Outcome(
                DeliveryStatus.PENDING,
                clock.now(),
                str(flood),
                retry_at=self._resume_at,
                refund_attempt=True,
            )
        except Forbidden as refusal:
            return Outcome(DeliveryStatus.BLOCKED, clock.now(), refusal.message)
        except TimedOut as timeout:
            if (row.last_error or "").startswith(TIMED_OUT):
                return Outcome(DeliveryStatus.FAILED, clock.now(), f"{TIMED_OUT} twice: {timeout}")
            retry_at = clock.now() + retry_delay(row.attempts)
            return Outcome(
                DeliveryStatus.PENDING, clock.now(), f"{TIMED_OUT}: {timeout}", retry_at=retry_at
            )
        except Exception as error:
            if not isinstance(error, TelegramError):
                _log.exception("outbox row %s could not be sent", row.id)
            reason = f"{type(error).__name__}: {error}"
            if row.attempts >= self._max_attempts:
                return Outcome(DeliveryStatus.FAILED, clock.now(), reason)
            retry_at = clock.now() + retry_delay(row.attempts)
            return Outcome(DeliveryStatus.PENDING, clock.now(), reason, retry_at=retry_at)
        return Outcome(DeliveryStatus.SENT, clock.now(), message_id=message.message_id)

    async def _finish_campaigns(self, context: BotContext) -> None:
        """Run the hooks of campaigns with nothing left to send, then close them."""
        sessions = context.services.sessions
        async with sessions() as session:
            finished = await finished_campaigns(session)
        for kind, campaign_id in finished:
            for hook in campaign_done_hooks(kind):
                try:
                    await hook(context, campaign_id)
                except Exception:
                    _log.exception("completion hook of %s %s failed", kind, campaign_id)
            async with sessions.begin() as session:
                await mark_campaign_done(session, kind, campaign_id, context.services.clock.now())


def schedule(application: BotApp, settings: Settings) -> None:
    """Tick every OUTBOX_TICK_SECONDS; a tick that finds another still sending leaves at once."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        OutboxSender(settings).tick,
        interval=settings.outbox_tick_seconds,
        first=settings.outbox_tick_seconds,
        name=JOB_NAME,
        # The lock in tick() already keeps ticks apart; extra instances return at once instead
        # of making the scheduler log a skipped run every interval of a long broadcast.
        job_kwargs={"max_instances": 3, "coalesce": True},
    )
