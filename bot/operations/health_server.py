"""/healthz on HEALTH_PORT, served from a thread of its own so it answers while standing by.

`run_polling` and `run_webhook` own the main thread's event loop for as long as the bot runs,
and a standby blocks before that loop exists; a daemon thread with its own loop and its own
database engine answers in both phases.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import TYPE_CHECKING

from bot.operations.checks import check
from bot.runtime.health import HealthState
from bot.runtime.settings import Settings
from storage.db import create_engine, create_sessions

if TYPE_CHECKING:
    from aiohttp import web

_log = logging.getLogger(__name__)


class HealthServer:
    """Context manager: /healthz answers 200 when healthy, 503 with the problems otherwise."""

    def __init__(self, settings: Settings, state: HealthState) -> None:
        self._settings = settings
        self._state = state
        self._started = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> HealthServer:
        if self._settings.health_port == 0:
            return self
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_until_complete, args=(self._serve(),), name="health", daemon=True
        )
        self._thread.start()
        self._started.wait()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._loop is None or self._thread is None:
            return
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()
        self._loop.close()
        self._loop = None

    async def _serve(self) -> None:
        # Here, not at the top: with HEALTH_PORT=0 a start need not load aiohttp at all.
        from aiohttp import web

        self._stop = asyncio.Event()
        engine = create_engine(self._settings.db_url)
        sessions = create_sessions(engine)

        async def healthz(request: web.Request) -> web.Response:
            health = await check(sessions, self._state)
            return web.json_response(health.to_json(), status=200 if health.healthy else 503)

        app = web.Application()
        app.router.add_get("/healthz", healthz)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        host, port = self._settings.health_listen, self._settings.health_port
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            # The bot's work matters more than its health page: say so loudly and carry on.
            _log.error("cannot serve /healthz on %s:%s (%s); set HEALTH_PORT", host, port, exc)
            self._stop.set()
        else:
            _log.info("health: http://%s:%s/healthz", host, port)
        self._started.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()
            await engine.dispose()
