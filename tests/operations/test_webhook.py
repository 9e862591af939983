"""Webhook mode: Telegram posts updates with the secret token; anything else is refused."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.sandbox.telegram import FakeTelegramServer, FakeUser
from tests.cli import BotProcess, free_port
from tests.texts import said

pytestmark = [pytest.mark.slow, pytest.mark.process]
SECRET = "s3cret-Token_1"
USER_ID = 1001


class Webhook:
    """The bot's webhook listener, as the reverse proxy in front of it reaches it."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/telegram/psm"
        self.bot: BotProcess | None = None

    async def post(self, update: dict[str, Any], secret: str | None) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, json=update, headers=headers) as response,
        ):
            return response.status

    async def post_body(self, body: Any, secret: str | None) -> int:
        """Post raw bytes (or a stream of them) as JSON; the status."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body, headers=headers) as response,
        ):
            return response.status


@pytest.fixture
async def webhook(
    telegram: FakeTelegramServer, database_url: str, tmp_path: Path
) -> AsyncIterator[Webhook]:
    port = free_port()
    bot = await BotProcess.start(
        tmp_path,
        "run",
        BOT_TOKEN=telegram.token,
        BOT_API_BASE_URL=telegram.base_url,
        DATABASE_URL=database_url,
        # What Telegram is told (https); the proxy forwards the same path to the listener.
        WEBHOOK_URL="https://bot.example.go.id/telegram/psm",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET_TOKEN=SECRET,
        LOG_LEVEL="DEBUG",
    )
    try:
        for _ in range(600):
            if telegram.account.webhook_url:
                break
            await asyncio.sleep(0.05)
        await bot.line_with("Application started")
        hook = Webhook(port)
        hook.bot = bot
        yield hook
    finally:
        assert await bot.stop() == 0, "".join(bot.output)[-3000:]


def update_from(telegram: FakeTelegramServer, user: FakeUser, text: str) -> dict[str, Any]:
    """The update Telegram would post for `text` (built by the fake, then taken off its queue)."""
    user.send_text(text)
    return telegram.queue.updates.pop()


async def test_webhook_is_registered_with_the_secret(
    webhook: Webhook, telegram: FakeTelegramServer
) -> None:
    [registration] = [r for r in telegram.requests if r.method == "setWebhook"]
    assert registration.params["url"] == "https://bot.example.go.id/telegram/psm"
    assert registration.params["secret_token"] == SECRET
    assert registration.params["allowed_updates"] == ["message", "callback_query"]
    assert not [r for r in telegram.requests if r.method == "getUpdates"]


async def test_updates_with_the_secret_are_handled_and_others_refused(
    webhook: Webhook, telegram: FakeTelegramServer
) -> None:
    user = FakeUser(telegram, USER_ID, "Lutpiah")
    forged_help = update_from(telegram, user, "/bantuan")
    assert await webhook.post(forged_help, secret="wrong") == 403
    unsigned_help = update_from(telegram, user, "/bantuan")
    assert await webhook.post(unsigned_help, secret=None) == 403

    assert await webhook.post(update_from(telegram, user, "/start"), secret=SECRET) == 200
    reply = await telegram.wait_for_message(USER_ID, timeout=15)
    assert said("signup-ask-contact") in reply["text"]
    # Updates of one chat are handled in order, so a refused /bantuan would have come first.
    assert not [m for m in telegram.sent_to(USER_ID) if said("help") in m["text"]]
    assert [r.method for r in telegram.requests_for(USER_ID)] == ["sendMessage"]


async def slow_body() -> AsyncIterator[bytes]:
    """A large upload that takes its time, as a flood from a slow client would."""
    yield b"{" + b" " * 65536
    await asyncio.sleep(10)
    yield b"}"


async def test_bodies_that_are_no_update_get_400_without_their_data_in_the_logs(
    webhook: Webhook, telegram: FakeTelegramServer
) -> None:
    user = FakeUser(telegram, USER_ID, "Lutpiah")
    unreadable = update_from(telegram, user, "3671015203500001 Mak Onah 081298765432")
    unreadable["message"]["date"] = "kemarin"  # no update PTB can read
    assert await webhook.post_body(json.dumps(unreadable).encode(), SECRET) == 400
    assert await webhook.post_body(b'{"update_id": 1, "message": ', SECRET) == 400
    assert await webhook.post_body("Mak Onah".encode("utf-16"), SECRET) == 400
    assert await webhook.post_body(b"[1, 2]", SECRET) == 400
    assert await webhook.post_body(b"{" + b" " * (1024 * 1024) + b"}", SECRET) == 413

    started = time.monotonic()
    assert await webhook.post_body(slow_body(), "wrong") == 403
    assert time.monotonic() - started < 5, "the refused body was waited for"

    assert await webhook.post(update_from(telegram, user, "/start"), secret=SECRET) == 200
    await telegram.wait_for_message(USER_ID, timeout=15)
    assert webhook.bot is not None
    logged = "".join(webhook.bot.output)
    assert [s for s in ("3671015203500001", "Mak Onah", "081298765432") if s in logged] == []
