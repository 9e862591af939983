"""One send of an outbox row: the Bot API call, what became of it, and when to try again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    Message,
)
from telegram.error import Forbidden, RetryAfter, TelegramError, TimedOut

from bot.delivery import media
from bot.delivery.claims import UNFINISHED, Claimed, Outcome, lead_status
from bot.delivery.media import Attachment
from bot.delivery.payload import Payload
from bot.runtime.context import BotContext
from bot.runtime.logs import describe
from bot.runtime.rate_limiter import flood_wait
from storage.delivery import DeliveryStatus, Lane

_log = logging.getLogger(__name__)
TIMED_OUT = "TimedOut"
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
# A personal message that failed is tried again within seconds, a few times, before the usual
# backoff: three 500s in a row from Telegram cost a Darurat alert about 10 s, not a minute.
QUICK_RETRIES = (timedelta(seconds=1), timedelta(seconds=3), timedelta(seconds=3))


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
    if payload.location:
        latitude, longitude = payload.location
        return await bot.send_location(chat_id, latitude, longitude, reply_markup=markup)
    if payload.photo:
        return await bot.send_photo(
            chat_id, payload.photo, caption=payload.text, reply_markup=markup
        )
    if payload.document:
        return await bot.send_document(
            chat_id, payload.document, caption=payload.text, reply_markup=markup
        )
    if payload.voice:
        return await bot.send_voice(
            chat_id, payload.voice, caption=payload.text or None, reply_markup=markup
        )
    return await bot.send_message(chat_id, payload.text, reply_markup=markup)


class Pacer:
    """Starts sends on a grid 1/rate seconds apart, on the event loop's monotonic clock.

    A start a little late (the event loop's timers overshoot by a millisecond or two) keeps
    the grid, or those milliseconds would cost a few percent of the rate. A start later than
    one interval (a slow commit, a busy processor) moves the grid: that time is not made up
    with a burst, since Telegram counts arrivals over a sliding second and the network already
    bunches evenly started sends (the fake server sees up to 28 in a second of sends started
    at 25/s), so a catch-up of a few more would put seconds over 30 and earn flood waits.
    """

    def __init__(self, rate: float) -> None:
        self._interval = 1 / rate
        self._next = 0.0

    async def wait(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self._next > now:
            await asyncio.sleep(self._next - now)
        elif now - self._next > self._interval:
            self._next = now
        self._next += self._interval


class ChatSpacing:
    """When each chat last had a message started, on the event loop's clock.

    Telegram allows a private chat about one message a second and answers a burst with a flood
    wait that, in this bot, holds every send. So a chat is busy for `interval` after each
    message, and the sender claims other chats' rows meanwhile.
    """

    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._started: dict[int, float] = {}

    def busy(self) -> set[int]:
        now = asyncio.get_running_loop().time()
        self._started = {c: at for c, at in self._started.items() if now - at < self._interval}
        return set(self._started)

    def started(self, chat_id: int) -> None:
        if self._interval > 0:
            self._started[chat_id] = asyncio.get_running_loop().time()

    async def until_one_is_free(self) -> None:
        if self._started:
            free = min(self._started.values()) + self._interval
            await asyncio.sleep(max(0.0, free - asyncio.get_running_loop().time()))


def retry_delay(attempts: int, lane: Lane = Lane.BULK) -> timedelta:
    """After a failed try: personal lanes quickly at first; then 30 s, doubling, at most an hour."""
    if lane != Lane.BULK:
        if attempts <= len(QUICK_RETRIES):
            return QUICK_RETRIES[attempts - 1]
        attempts -= len(QUICK_RETRIES)
    return min(FIRST_RETRY * (1 << (attempts - 1)), LONGEST_RETRY)


async def _after_its_lead(context: BotContext, row: Claimed, payload: Payload) -> Outcome | None:
    """For a message that follows another (`Payload.after`): wait while that one is unsent,
    be withdrawn with it (an answer taken back); None when it may go."""
    if not payload.after:
        return None
    lead = await lead_status(context.services.sessions, row, payload.after)
    now = context.services.clock.now()
    if lead in UNFINISHED:
        retry_at = now + QUICK_RETRIES[0]
        return Outcome(
            DeliveryStatus.PENDING, now, "waits for its lead", retry_at=retry_at, deferred=True
        )
    if lead == DeliveryStatus.CANCELLED:
        return Outcome(DeliveryStatus.CANCELLED, now, "its lead was withdrawn")
    return None


async def attempt(context: BotContext, row: Claimed, max_attempts: int) -> Outcome:
    """Send one row and say what became of it."""
    clock = context.services.clock
    try:
        payload = Payload.from_json(row.payload)
        waiting = await _after_its_lead(context, row, payload)
        if waiting is not None:
            return waiting
        files = await media.load(context.services.sessions, payload.media or [])
        message = await deliver(context.bot, row.chat_id, payload, files)
    except RetryAfter as flood:
        return Outcome(
            DeliveryStatus.PENDING,
            clock.now(),
            str(flood),
            retry_at=clock.now() + flood_wait(flood),
            refund_attempt=True,
        )
    except Forbidden as refusal:
        return Outcome(DeliveryStatus.BLOCKED, clock.now(), refusal.message)
    except TimedOut as timeout:
        if (row.last_error or "").startswith(TIMED_OUT):
            return Outcome(DeliveryStatus.FAILED, clock.now(), f"{TIMED_OUT} twice: {timeout}")
        retry_at = clock.now() + retry_delay(row.attempts, row.lane)
        return Outcome(
            DeliveryStatus.PENDING, clock.now(), f"{TIMED_OUT}: {timeout}", retry_at=retry_at
        )
    except Exception as error:
        if not isinstance(error, TelegramError):
            _log.exception("outbox row %s could not be sent", row.id)
        # Kept in the row: the exception's type and Telegram's own words, never a message text.
        reason = describe(error)
        if row.attempts >= max_attempts:
            return Outcome(DeliveryStatus.FAILED, clock.now(), reason)
        retry_at = clock.now() + retry_delay(row.attempts, row.lane)
        return Outcome(DeliveryStatus.PENDING, clock.now(), reason, retry_at=retry_at)
    return Outcome(DeliveryStatus.SENT, clock.now(), message_id=message.message_id)
