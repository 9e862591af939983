"""The real bot, built by `build_application`, running against the embedded Bot API server."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from pydantic import SecretStr

from bot.app import ALLOWED_UPDATES, build_application
from bot.runtime.context import BotApp
from bot.runtime.settings import Settings
from bot.sandbox.feed import ChatFeed
from bot.sandbox.personas import ADMIN, PERSONAS
from bot.sandbox.seed import prepare_database, remove_database
from bot.sandbox.telegram import FakeTelegramServer, FakeUser

_log = logging.getLogger(__name__)
# The outbox ticks this often in the sandbox, so an alert follows its report within a second.
SANDBOX_TICK_SECONDS = 1.0


class Simulation:
    """One bot, one simulated Telegram, one user per persona; `reset` starts all three anew."""

    def __init__(self, settings: Settings, feed: ChatFeed) -> None:
        self.base = settings
        self.feed = feed
        self.folder = settings.data_dir / "sandbox"
        self.users: dict[int, FakeUser] = {}
        self.ready = False
        self._telegram: FakeTelegramServer | None = None
        self._app: BotApp | None = None
        self._lock = asyncio.Lock()

    @property
    def database(self) -> Path:
        return self.folder / "sandbox.db"

    @property
    def telegram(self) -> FakeTelegramServer:
        assert self._telegram is not None, "the simulation is started"
        return self._telegram

    async def start(self) -> None:
        async with self._lock:
            await self._start()

    async def stop(self) -> None:
        async with self._lock:
            await self._stop()

    async def reset(self) -> None:
        """Forget every chat and every row: the demo roster as on the first start."""
        async with self._lock:
            await self._stop()
            remove_database(self.database)
            await self._start()

    def _settings_for(self, telegram: FakeTelegramServer) -> Settings:
        """The operator's settings, with everything that could reach real people replaced."""
        return self.base.model_copy(
            update={
                "bot_token": SecretStr(telegram.token),
                "bot_api_base_url": telegram.base_url,
                "bot_api_base_file_url": telegram.base_file_url,
                "database_url": f"sqlite+aiosqlite:///{self.database}",
                "data_dir": self.folder,
                "data_key": None,
                "admin_ids": [ADMIN.telegram_id],
                "admin_chat_id": None,
                "webhook_url": "",
                "outbox_tick_seconds": min(self.base.outbox_tick_seconds, SANDBOX_TICK_SECONDS),
            }
        )

    async def _start(self) -> None:
        telegram = FakeTelegramServer(bot_username="psm_sandbox_bot")
        await telegram.start()
        self._telegram = telegram
        self.feed.attach(telegram)
        settings = self._settings_for(telegram)
        await prepare_database(settings)
        self.users = {
            p.telegram_id: FakeUser(telegram, p.telegram_id, p.first_name, settings.default_locale)
            for p in PERSONAS
        }
        app = build_application(settings)
        await app.initialize()
        assert app.post_init is not None and app.updater is not None
        await app.post_init(app)  # run_polling would call it; started by hand here
        await app.start()
        await app.updater.start_polling(poll_interval=0, allowed_updates=ALLOWED_UPDATES)
        self._app = app
        self.ready = True
        self.feed.publish({"type": "reset"})  # open pages reload their chat

    async def _stop(self) -> None:
        """Stop as on SIGTERM: conversations and drafts are flushed to the sandbox database."""
        self.ready = False
        app, self._app = self._app, None
        if app is not None:
            assert app.updater is not None and app.post_shutdown is not None
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
            await app.post_shutdown(app)
        if self._telegram is not None:
            await self._telegram.stop()
