"""Failures a test asks for: users who blocked the bot, flood control, one-off errors."""

from __future__ import annotations

import collections

from .chat_state import ApiError, Params
from .flood_control import FloodControl

# Methods that deliver a message to chat_id, hence subject to flood control.
SENDING = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "sendLocation",
    "copyMessage", "forwardMessage",
})  # fmt: skip
BLOCKED = "Forbidden: bot was blocked by the user"


class FailureInjector:
    """Decides, for a request that passed validation, whether it must fail anyway."""

    def __init__(self) -> None:
        self.blocked: set[str] = set()
        self.flood: FloodControl | None = None
        self._refused_before = 0
        # Per method: (the chat it is for, or None for any; the error), oldest first.
        self._one_off: dict[str, list[tuple[str | None, ApiError]]] = collections.defaultdict(list)

    @property
    def rate_limited_count(self) -> int:
        return self._refused_before + (self.flood.refused if self.flood else 0)

    def rate_limit(self, per_second: float | None) -> None:
        """Only the bot-wide window, without flood waits."""
        self._flood(FloodControl(per_second, strict=False) if per_second else None)

    def telegram_limits(self, per_second: float) -> None:
        """Telegram's rules: per bot, per private chat (1/s), per group (20/min), flood waits."""
        self._flood(FloodControl(per_second, per_chat_second=1, per_group_minute=20))

    def _flood(self, control: FloodControl | None) -> None:
        self._refused_before = self.rate_limited_count
        self.flood = control

    def fail_next(
        self,
        method: str,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Make the next valid call of ``method`` (to ``chat_id``, if given) fail, once."""
        parameters = {"retry_after": retry_after} if retry_after is not None else None
        chat = str(chat_id) if chat_id is not None else None
        self._one_off[method].append((chat, ApiError(error_code, description, parameters)))

    def failure_for(self, method: str, params: Params) -> ApiError | None:
        """The error to answer with, or None to let the request through."""
        waiting, chat = self._one_off[method], str(params.get("chat_id"))
        for index, (for_chat, error) in enumerate(waiting):
            if for_chat in (None, chat):
                del waiting[index]
                return error
        if method in SENDING | {"sendChatAction"} and str(params.get("chat_id")) in self.blocked:
            return ApiError(403, BLOCKED)
        if method not in SENDING or self.flood is None:
            return None
        return self.flood.check(str(params.get("chat_id")))
