"""What only the running process knows about its health, and how the bot keeps it current."""

from __future__ import annotations

import functools
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from http import HTTPStatus
from typing import Any

import certifi
from telegram.request import HTTPXRequest, RequestData

from bot.runtime.clock import Clock


class Role(StrEnum):
    STANDBY = "standby"  # waiting for the active lock (or about to take it)
    ACTIVE = "active"


class Mode(StrEnum):
    POLLING = "polling"
    WEBHOOK = "webhook"


@dataclass
class HealthState:
    """Written by the bot's event loop, read by the health server's thread.

    Each field is replaced whole, never mutated, so a reader sees an old or a new value and
    never a torn one.
    """

    mode: Mode = Mode.POLLING
    role: Role = Role.STANDBY
    last_api_success: datetime | None = None
    clock: Clock = field(default_factory=Clock)


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's own TLS settings, built once: loading the CA bundle takes a tenth of a second."""
    return ssl.create_default_context(cafile=certifi.where())


class TrackedRequest(HTTPXRequest):
    """PTB's HTTP client, noting the time of every Bot API call that Telegram answered 200."""

    def __init__(self, state: HealthState, **kwargs: Any) -> None:
        super().__init__(httpx_kwargs={"verify": _tls()}, **kwargs)
        self._state = state

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if code == HTTPStatus.OK:
            self._state.last_api_success = self._state.clock.now()
        return code, payload
