"""`psm-bot sandbox` (and `psm-bot run` without BOT_TOKEN): the bot and its chat page."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator

from aiohttp import web

from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from bot.sandbox.feed import ChatFeed
from bot.sandbox.simulation import Simulation
from bot.sandbox.web.server import create_app

HOST = "127.0.0.1"  # a demo with made-up people; nothing to offer to the network
_BANNER = """PSM Bot SANDBOX: {address}
  This is a sandbox: the real bot talks to a simulated Telegram on this computer,
  with made-up people and its own database ({database}).
  Open the address in a browser; Ctrl+C stops. Put BOT_TOKEN in .env to run on Telegram."""


class PortTaken(Exception):
    """SANDBOX_PORT is in use (or not ours to bind); the message says which and why."""


def run_sandbox(settings: Settings) -> int:
    """Serve until Ctrl+C or SIGTERM; 1 when the page's port is taken."""
    return asyncio.run(_serve(settings))


@contextlib.asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[Simulation]:
    """The page on SANDBOX_PORT and the bot behind it; PortTaken when it cannot listen."""
    feed = ChatFeed()
    simulation = Simulation(settings, feed)
    app = create_app(simulation, Texts(settings.default_locale), settings.default_locale)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, HOST, settings.sandbox_port).start()
        except OSError as exc:
            raise PortTaken(f"{HOST}:{settings.sandbox_port} ({exc.strerror or exc})") from exc
        await simulation.start()
        yield simulation
    finally:
        feed.close()
        await simulation.stop()
        await runner.cleanup()


async def _serve(settings: Settings) -> int:
    address = f"http://{HOST}:{settings.sandbox_port}"
    try:
        async with serving(settings) as simulation:
            print(_BANNER.format(address=address, database=simulation.database), flush=True)
            await _until_stopped()
    except PortTaken as exc:
        print(
            f"error: cannot serve the sandbox page on {exc}; set SANDBOX_PORT to a free port",
            file=sys.stderr,
        )
        return 1
    return 0


async def _until_stopped() -> None:
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopped.set)
    try:
        await stopped.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):
                loop.remove_signal_handler(sig)
