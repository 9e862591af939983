"""How much a whole /lapor report costs next to a bare PTB echo bot, measured in one run.

Both bots run in this process against the same fake Bot API server on 127.0.0.1. USERS PSM
each file a complete report concurrently (registration rows are seeded); the echo bot then gets
exactly as many updates. Printed: updates per second of each and their ratio, and the median
and 95th percentile time from sending an update to the bot having handled it.

    .venv/bin/python bench/report_flow.py [USERS]
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.runtime.clock import Clock
from bot.runtime.settings import load_settings
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine
from storage.tables import Base
from tests.factories import add_user
from tests.harness import BotHarness, Chat
from tests.reporting import fill_until_review


class Timed:
    """Wrap a chat so every step's latency is recorded."""

    def __init__(self, chat: Chat, latencies: list[float]) -> None:
        self.chat, self.latencies = chat, latencies

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.chat, name)
        if not asyncio.iscoroutinefunction(target):
            return target

        async def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await target(*args, **kwargs)
            finally:
                self.latencies.append(time.perf_counter() - start)

        return timed


async def our_bot(users: int, folder: Path) -> tuple[int, float, list[float], int]:
    server = FakeTelegramServer()
    await server.start()
    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    await engine.dispose()
    for user_id in range(1, users + 1):
        await add_user(url, 10_000 + user_id)
    settings = load_settings(
        _env_file=None,
        bot_token=server.token,
        bot_api_base_url=server.base_url,
        database_url=url,
        data_dir=folder,
        telegram_max_rate=100_000,
    )
    harness = BotHarness(server, settings, Clock())  # type: ignore[arg-type]
    await harness.start()
    latencies: list[float] = []
    start = time.perf_counter()

    async def report(user_id: int) -> None:
        chat = Timed(harness.user(10_000 + user_id), latencies)
        await fill_until_review(chat)  # type: ignore[arg-type]
        await chat.tap("Kirim laporan")

    await asyncio.gather(*(report(u) for u in range(1, users + 1)))
    elapsed = time.perf_counter() - start
    requests = sum(1 for r in server.requests if r.method != "getUpdates")
    await harness.stop()
    await server.stop()
    return len(latencies), elapsed, latencies, requests


async def echo_bot(updates: int, users: int) -> tuple[float, list[float], int]:
    server = FakeTelegramServer()
    await server.start()
    done: dict[int, asyncio.Event] = {}

    async def echo(update: Update, _: Any) -> None:
        assert update.effective_chat is not None
        await update.get_bot().send_message(update.effective_chat.id, "ok")
        done.setdefault(update.update_id, asyncio.Event()).set()

    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .concurrent_updates(64)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.add_handler(CallbackQueryHandler(echo))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    latencies: list[float] = []
    start = time.perf_counter()

    async def user(chat_id: int, count: int) -> None:
        # Like a PSM: one message, wait for the answer, the next one.
        for index in range(count):
            sent = time.perf_counter()
            update_id = server.push_update(
                {
                    "message": {
                        "message_id": index + 1,
                        "date": int(time.time()),
                        "text": "halo",
                        "chat": {"id": chat_id, "type": "private", "first_name": "E"},
                        "from": {"id": chat_id, "is_bot": False, "first_name": "E"},
                    }
                }
            )
            await done.setdefault(update_id, asyncio.Event()).wait()
            latencies.append(time.perf_counter() - sent)

    await asyncio.gather(*(user(20_000 + u, updates // users) for u in range(users)))
    elapsed = time.perf_counter() - start
    requests = sum(1 for r in server.requests if r.method != "getUpdates")
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    await server.stop()
    return elapsed, latencies, requests


def _line(name: str, count: int, elapsed: float, latencies: list[float]) -> str:
    median = statistics.median(latencies) * 1000
    p95 = sorted(latencies)[int(len(latencies) * 0.95) - 1] * 1000
    return f"{name:9}{count / elapsed:8.1f} updates/s  median {median:6.1f} ms  p95 {p95:6.1f} ms"


async def main(users: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        count, ours, our_latency, our_requests = await our_bot(users, Path(folder))
    theirs, echo_latency, echo_requests = await echo_bot(count, users)
    print(f"updates: {count} ({users} complete reports)")
    print(_line("psm-bot", count, ours, our_latency))
    print(_line("echo bot", count, theirs, echo_latency))
    print(f"ratio (psm-bot throughput / echo throughput): {theirs / ours:.2f}")
    per_update = f"psm-bot {our_requests / count:.2f}, echo {echo_requests / count:.2f}"
    print(f"Bot API requests per update: {per_update}")


if __name__ == "__main__":
    warnings.filterwarnings("ignore", category=PTBUserWarning)
    logging.basicConfig(level=logging.ERROR)
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
