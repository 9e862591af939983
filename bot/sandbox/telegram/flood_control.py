"""Telegram's flood control as a bot meets it: limits on sends over sliding windows, and waits.

Telegram counts a bot's messages over a sliding second (about 30), and separately those to one
private chat (about one a second) and to one group (20 a minute). A send beyond a limit gets
429 with `retry_after`, the seconds until that window would take it; the bot (or the chat) is
then under a flood wait, every send during it is refused too, and going beyond the limit again
soon after doubles the wait, so a bot that keeps tripping it gets ever longer waits. Only
accepted sends are counted in the windows.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field

from .chat_state import ApiError

LONGEST_WAIT = 60.0
STRIKES_KEPT = 60.0


@dataclass
class Window:
    """At most `limit` sends in any `seconds`, and the flood wait of a sender who went beyond."""

    limit: float
    seconds: float
    sent: deque[float] = field(default_factory=deque)
    # Flood waits: during one every send is refused; going beyond again within a minute of
    # the last one doubles the next wait (Telegram's way with bots that keep tripping it).
    strict: bool = True
    banned_until: float = 0.0
    strikes: deque[float] = field(default_factory=deque)

    def refuse(self, now: float) -> float | None:
        """Seconds to wait when a send now is over the limit; None when it may go."""
        if self.strict and now < self.banned_until:
            return self.banned_until - now
        while self.sent and now - self.sent[0] >= self.seconds:
            self.sent.popleft()
        if len(self.sent) < self.limit:
            return None
        wait = max(1.0, math.ceil(self.sent[0] + self.seconds - now))
        if self.strict:
            while self.strikes and now - self.strikes[0] >= STRIKES_KEPT:
                self.strikes.popleft()
            wait = min(wait * 2 ** len(self.strikes), LONGEST_WAIT)
            self.strikes.append(now)
            self.banned_until = now + wait
        return wait

    def idle(self, now: float) -> bool:
        return now >= self.banned_until and (not self.sent or now - self.sent[-1] >= self.seconds)


class FloodControl:
    """The bot-wide window, and (when given) the per private chat and per group ones.

    Not `strict`, only the windows apply: a refused send is answered and forgotten, without a
    flood wait, which suits tests that want a few 429s and nothing more.
    """

    def __init__(
        self,
        per_second: float,
        per_chat_second: float | None = None,
        per_group_minute: float | None = None,
        *,
        strict: bool = True,
    ) -> None:
        self.bot = Window(per_second, 1.0, strict=strict)
        self._per_chat, self._per_group, self._strict = per_chat_second, per_group_minute, strict
        self._chats: dict[str, Window] = {}
        self.refused = 0

    def check(self, chat_id: str) -> ApiError | None:
        """Count an accepted send to `chat_id`, or return the 429 that refuses it."""
        now = time.monotonic()
        windows = [self.bot]
        chat = self._chat_window(chat_id)
        if chat is not None:
            windows.append(chat)
        waits = [wait for window in windows if (wait := window.refuse(now)) is not None]
        if waits:
            self.refused += 1
            seconds = math.ceil(max(waits))
            return ApiError(
                429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds}
            )
        for window in windows:
            window.sent.append(now)
        return None

    def _chat_window(self, chat_id: str) -> Window | None:
        group = chat_id.startswith("@") or chat_id.startswith("-")
        limit, seconds = (self._per_group, 60.0) if group else (self._per_chat, 1.0)
        if limit is None:
            return None
        window = self._chats.get(chat_id)
        if window is None:
            if len(self._chats) > 4096:
                now = time.monotonic()
                self._chats = {k: w for k, w in self._chats.items() if not w.idle(now)}
            window = self._chats[chat_id] = Window(limit, seconds, strict=self._strict)
        return window
