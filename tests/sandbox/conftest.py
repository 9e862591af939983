"""The fake Bot API server's own tests: a fresh server, a raw HTTP client, PTB's Bot, a user."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import httpx
import pytest
import telegram

from bot.sandbox.telegram import FakeTelegramServer, FakeUser

Api = Callable[..., Coroutine[Any, Any, tuple[int, dict[str, Any]]]]
USER_ID = 1001


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    fake = FakeTelegramServer()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def api(server: FakeTelegramServer) -> AsyncIterator[Api]:
    """Calls the fake exactly like PTB does: form-encoded, non-strings JSON-encoded."""
    async with httpx.AsyncClient(timeout=5) as client:

        async def call(method: str, **params: Any) -> tuple[int, dict[str, Any]]:
            data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            response = await client.post(f"{server.base_url}{server.token}/{method}", data=data)
            return response.status_code, response.json()

        yield call


@pytest.fixture
async def bot(server: FakeTelegramServer) -> AsyncIterator[telegram.Bot]:
    ptb_bot = telegram.Bot(
        server.token, base_url=server.base_url, base_file_url=server.base_file_url
    )
    async with ptb_bot:
        yield ptb_bot


@pytest.fixture
def user(server: FakeTelegramServer) -> FakeUser:
    return FakeUser(server, USER_ID, "Siti")


def keyboard(*buttons: dict[str, Any]) -> dict[str, Any]:
    return {"inline_keyboard": [list(buttons)]}
