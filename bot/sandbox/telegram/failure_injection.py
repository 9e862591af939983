"""Failures a test asks for: users who blocked the bot, flood control, one-off errors."""

from __future__ import annotations

import collections
import time

from .chat_state import ApiError, Params

# Methods that deliver a message to chat_id, hence subject to flood control.
SENDING = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "sendLocation",
    "copyMessage", "forwardMessage",
})  # fmt: skip
BLOCKED = "Forbidden: bot was blocked by the user"


class FailureInjector:
    """Decides, for a request that passed validation, whether it must fail anyway."""

    def __init__(self) -> None:
        self.rate_limited_count = 0
        self.blocked: set[str] = set()
        self._per_second: float | None = None
        self._recent_sends: collections.deque[float] = collections.deque()
        self._one_off: dict[str, collections.deque[ApiError]] = collections.defaultdict(
            collections.deque
        )

    def rate_limit(self, per_second: float | None) -> None:
        self._per_second = per_second
        self._recent_sends.clear()

    def fail_next(
        self, method: str, error_code: int, description: str, retry_after: int | None = None
    ) -> None:
        parameters = {"retry_after": retry_after} if retry_after is not None else None
        self._one_off[method].append(ApiError(error_code, description, parameters))

    def failure_for(self, method: str, params: Params) -> ApiError | None:
        """The error to answer with, or None to let the request through."""
        if self._one_off[method]:
            return self._one_off[method].popleft()
        if method in SENDING | {"sendChatAction"} and str(params.get("chat_id")) in self.blocked:
            return ApiError(403, BLOCKED)
        if method not in SENDING or self._per_second is None:
            return None
        # Sliding window over accepted sends only: answering 429 does not extend the ban.
        now = time.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if len(self._recent_sends) >= self._per_second:
            self.rate_limited_count += 1
            return ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self._recent_sends.append(now)
        return None
