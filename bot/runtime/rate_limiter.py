"""The bot's half of Telegram's flood control: every send counted as Telegram counts it.

Telegram allows a bot about 30 messages over any sliding second and 20 a minute per group, and
answers a bot that goes beyond with 429 and a flood wait. PTB's AIORateLimiter does not keep to
that: it is a leaky bucket, which after a quiet moment lets a whole second's worth through at
once on top of what the last second already sent; and the pause it takes after a 429 is lifted
by whichever other request finishes first, so the sends queued behind it go out into the flood
wait and earn longer ones. Here the windows are exact (start times of the last second and
minute) and a flood wait holds every send of the bot until it is over.
"""

from __future__ import annotations

import asyncio
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

JSONDict = dict[str, Any]
Callback = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]
GROUP_MAX_RATE, GROUP_SECONDS = 20, 60.0
# Over Telegram's own wait, for the clocks of two machines.
MARGIN = 0.1


def flood_wait(flood: RetryAfter) -> timedelta:
    """How long Telegram asked to wait; PTB's next major version makes it a timedelta."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = flood.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)


class Window:
    """At most `limit` starts in any `seconds`."""

    def __init__(self, limit: float, seconds: float) -> None:
        self._limit, self._seconds = max(1, int(limit)), seconds
        self._starts: deque[float] = deque(maxlen=self._limit)

    def delay(self, now: float) -> float:
        """Seconds until one more start fits; 0 when it fits now."""
        if len(self._starts) < self._limit:
            return 0.0
        return max(0.0, self._starts[0] + self._seconds - now)

    def take(self, now: float) -> None:
        self._starts.append(now)

    @property
    def idle(self) -> bool:
        loop = asyncio.get_running_loop()
        return not self._starts or self._starts[-1] + self._seconds <= loop.time()


async def _until(delay: Callable[[float], float]) -> float:
    """Sleep until `delay` of the loop's time says 0; returns that time."""
    loop = asyncio.get_running_loop()
    while True:
        now = loop.time()
        wait = delay(now)
        if wait <= 0:
            return now
        await asyncio.sleep(wait)


class TelegramRateLimiter(BaseRateLimiter[int]):
    """Requests to a chat start at most `overall_max_rate` in any second (and 20 a minute per
    group), in the order they asked; after a 429 nothing is sent until Telegram's wait is
    over, then the refused request is tried again, at most `max_retries` times (a call's
    `rate_limit_args` overrides it). Other requests (answering a button, getMe) only wait out
    a flood wait."""

    def __init__(self, overall_max_rate: float, max_retries: int = 3) -> None:
        self._overall = Window(overall_max_rate, 1.0)
        self._groups: dict[int | str, Window] = {}
        self._turn = asyncio.Lock()
        self._resume_at = 0.0
        self._max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        chat_id = data.get("chat_id")
        for attempt in range(retries + 1):
            await self._wait_turn(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as flood:
                loop = asyncio.get_running_loop()
                until = loop.time() + flood_wait(flood).total_seconds() + MARGIN
                self._resume_at = max(self._resume_at, until)
                if attempt == retries:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _wait_turn(self, chat_id: object) -> None:
        if chat_id is None:
            await _until(lambda now: self._resume_at - now)
            return
        group = self._group(chat_id)
        if group is not None:
            # A busy group waits apart, so it never holds up the bot's other chats.
            group.take(await _until(group.delay))
        async with self._turn:
            now = await _until(lambda now: max(self._resume_at - now, self._overall.delay(now)))
            self._overall.take(now)

    def _group(self, chat_id: object) -> Window | None:
        """The window of a group or channel (negative ids, @usernames); None for a person."""
        key: int | str
        try:
            key = int(chat_id)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            key = str(chat_id)
        if isinstance(key, int) and key >= 0:
            return None
        if len(self._groups) > 512:
            self._groups = {k: w for k, w in self._groups.items() if not w.idle}
        return self._groups.setdefault(key, Window(GROUP_MAX_RATE, GROUP_SECONDS))
