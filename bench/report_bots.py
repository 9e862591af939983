"""psm-bot as bench/report_flow.py drives it, the way tests/harness.py drives it in tests.

`Driven` runs an Application on its own fake Bot API server and times each update from its
arrival to the bot having handled it; the bots it is compared with are in bench/floor_bots.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from telegram.ext import (
    Application,
)

from bot.app import ALLOWED_UPDATES, build_application
from bot.runtime.clock import Clock
from bot.runtime.settings import load_settings
from bot.sandbox.telegram.fake_user import FakeUser
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine
from storage.people import Role, User, UserStatus
from storage.tables import Base
from tests.factories import SUKARASA, add_rows
from tests.harness import Chat


class Driven:
    """An Application on its own fake server, with `user()` chats as the tests have them."""

    def __init__(self, server: FakeTelegramServer, app: Application[Any, Any, Any, Any, Any, Any]):
        self.server, self.app = server, app
        self.latencies: list[float] = []
        self._done: dict[int, asyncio.Event] = {}
        self.telegram = server  # what tests.harness.Chat reads
        self.on_handled: Callable[[], None] | None = None

    async def start(self) -> None:
        processor = self.app.update_processor
        original = processor.do_process_update

        async def tracked(update: object, coroutine: Awaitable[Any]) -> None:
            try:
                await original(update, coroutine)
            finally:
                update_id = getattr(update, "update_id", None)
                if update_id is not None:
                    self._done.setdefault(update_id, asyncio.Event()).set()

        processor.do_process_update = tracked  # type: ignore[method-assign]
        await self.app.initialize()
        if self.app.post_init is not None:
            await self.app.post_init(self.app)
        await self.app.start()
        assert self.app.updater is not None
        await self.app.updater.start_polling(
            poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES
        )

    async def handled(self, update_id: int) -> None:
        """Called by Chat right after pushing the update: its latency starts here."""
        started = time.perf_counter()
        await asyncio.wait_for(self._done.setdefault(update_id, asyncio.Event()).wait(), 60)
        self.latencies.append(time.perf_counter() - started)
        if self.on_handled is not None:
            self.on_handled()

    def user(self, user_id: int) -> Chat:
        return LightChat(self, FakeUser(self.server, user_id, "Siti", "id"))  # type: ignore[arg-type]

    async def chatter(self, chat_id: int, count: int) -> None:
        """Like a PSM: one message, wait for the answer, the next one."""
        user = FakeUser(self.server, chat_id, "E", "id")
        for _ in range(count):
            await self.handled(user.send_text("halo"))

    async def stop(self) -> None:
        assert self.app.updater is not None
        await self.app.updater.stop()
        await self.app.stop()
        await self.app.shutdown()
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)
        await self.server.stop()


class LightChat(Chat):
    """The tests' chat, reading the bot's messages without the deep copies that keep tests
    honest: those cost the driver more than a bot's update, and grow with the chat."""

    def history(self) -> list[dict[str, Any]]:
        state, bot_id = self.harness.telegram.state, self.harness.telegram.bot_id
        chat = state._messages.get(self.id, {})
        return [
            message
            for key, message in chat.items()
            if (self.id, key) not in state._deleted and message["from"]["id"] == bot_id
        ]


async def psm_bot(url: str, folder: Path, users: int) -> Driven:
    """psm-bot on `url` (emptied), with `users` registered PSM, ready for reports."""
    server = FakeTelegramServer()
    await server.start()
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        await connection.run_sync(Base.metadata.create_all)
    await engine.dispose()
    await add_rows(
        url,
        *(
            User(
                created_at=Clock().now(),
                telegram_id=10_001 + n,
                full_name="Siti Aminah",
                role=Role.PSM,
                status=UserStatus.ACTIVE,
                kelurahan_code=SUKARASA,
                kecamatan_code=SUKARASA[:6],
            )
            for n in range(users + 1)
        ),
    )
    settings = load_settings(
        _env_file=None,
        bot_token=server.token,
        bot_api_base_url=server.base_url,
        bot_api_base_file_url=server.base_file_url,
        database_url=url,
        data_dir=folder,
        telegram_max_rate=100_000,
        broadcast_rate=1,
        health_port=0,
    )
    driven = Driven(server, build_application(settings, Clock()))
    await driven.start()
    return driven
