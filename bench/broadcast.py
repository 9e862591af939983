"""How close a broadcast gets to BROADCAST_RATE under Telegram's real limits, losing nothing.

The fake Bot API server runs in a process of its own on 127.0.0.1 (Telegram is another machine,
after all) and enforces Telegram's flood control (bot/sandbox/telegram/flood_control.py): L
messages per bot over a sliding second, one a second per private chat, 20 a minute per group,
and flood waits that grow while a bot keeps sending into them. RECIPIENTS active PSM are queued
in a fresh database (a temporary SQLite file, or DATABASE_URL), then the real bot (its own
scheduled outbox job, production settings unless given) sends the campaign.

Printed: the achieved rate (as a fraction of BROADCAST_RATE and of L), the 429 answers, the
most sends the server accepted in any one second, and deliveries lost or duplicated (accepted
sendMessage requests per chat against the recipients). The run stops when every row is done or
after DURATION seconds (default: twice the time the campaign needs, plus a minute), whichever
comes first; what was not delivered by then counts as lost.

    .venv/bin/python bench/broadcast.py [--recipients 10000] [--limit 30] [--duration S]
        [--broadcast-rate R] [--max-rate M]          (R and M default to the settings' defaults)
    DATABASE_URL=postgresql+asyncpg://... .venv/bin/python bench/broadcast.py ...
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select
from telegram.warnings import PTBUserWarning

from bot.app import build_application
from bot.delivery import Payload, enqueue
from bot.runtime.clock import Clock
from bot.runtime.settings import Settings, load_settings
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine, create_sessions
from storage.delivery import DeliveryStatus, OutboxMessage
from storage.people import Role, User, UserStatus
from storage.tables import Base

FIRST_CHAT = 10_000
KIND = "bench"
# The server must answer the pipe within this many seconds, or the run ends.
ANSWER_WITHIN = 10.0
DEFAULTS = Settings.model_fields


async def queue_campaign(settings: Settings, recipients: int) -> None:
    """Create the schema afresh, the recipients and one outbox row for each."""
    engine = create_engine(settings.db_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
    async with create_sessions(engine).begin() as session:
        users = [
            User(
                created_at=Clock().now(),
                telegram_id=FIRST_CHAT + i,
                full_name=f"PSM {i}",
                role=Role.PSM,
                status=UserStatus.ACTIVE,
            )
            for i in range(recipients)
        ]
        session.add_all(users)
        await session.flush()
        await enqueue(
            session,
            kind=KIND,
            campaign_id=1,
            recipients=users,
            payload=Payload("📢 <b>Siaran</b>\n\nBimtek PSM hari Jumat pukul 09.00."),
            not_before=Clock().now(),
        )
    await engine.dispose()


async def run_bot(settings: Settings, duration: float) -> tuple[Counter[str], bool]:
    """Start the bot as in production (its JobQueue ticks) until the campaign ends or time is
    up; returns the rows by status and whether it finished."""
    app = build_application(settings)
    await app.initialize()
    assert app.post_init is not None and app.post_shutdown is not None
    await app.post_init(app)
    await app.start()
    deadline = time.monotonic() + duration
    finished = False
    try:
        services = app.bot_data.services
        assert services is not None
        unfinished = select(func.count()).where(
            OutboxMessage.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING])
        )
        while time.monotonic() < deadline:
            async with services.sessions() as session:
                if not await session.scalar(unfinished):
                    finished = True
                    break
            await asyncio.sleep(0.5)
    finally:
        await app.stop()
        await app.shutdown()
    async with services.sessions() as session:
        rows = await session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        )
        statuses = Counter({status: number for status, number in rows})
    await app.post_shutdown(app)
    return statuses, finished


@dataclass(frozen=True)
class ServerLog:
    """What the fake server saw: accepted sendMessage requests (chat, arrival) and 429s."""

    accepted: list[tuple[int, float]]
    rate_limited: int


def serve(limit: float, pipe: Connection) -> None:
    """Run the fake Bot API in its own process, as Telegram is another machine."""

    async def serving() -> None:
        telegram = FakeTelegramServer()
        await telegram.start()
        telegram.telegram_limits(limit)
        pipe.send((telegram.token, telegram.base_url, telegram.base_file_url))
        await asyncio.to_thread(pipe.recv)
        accepted = [
            (int(r.params["chat_id"]), r.time)
            for r in telegram.requests
            if r.method == "sendMessage" and r.ok
        ]
        pipe.send(ServerLog(accepted, telegram.rate_limited_count))
        await telegram.stop()

    asyncio.run(serving())


async def receive(pipe: Connection) -> Any:
    """The server's next message; a dead or hung server ends the run instead of stalling it."""

    def wait() -> Any:
        if not pipe.poll(ANSWER_WITHIN):
            raise TimeoutError("the fake server did not answer")
        return pipe.recv()

    return await asyncio.to_thread(wait)


async def main(options: argparse.Namespace) -> None:
    context = multiprocessing.get_context("spawn")
    pipe, server_end = context.Pipe()
    server = context.Process(target=serve, args=(options.limit, server_end), daemon=True)
    server.start()
    try:
        token, base_url, file_url = await receive(pipe)
        with tempfile.TemporaryDirectory() as folder:
            settings = load_settings(
                _env_file=None,
                bot_token=token,
                bot_api_base_url=base_url,
                bot_api_base_file_url=file_url,
                database_url=os.environ.get("DATABASE_URL", ""),
                data_dir=Path(folder),
                broadcast_rate=options.broadcast_rate,
                telegram_max_rate=options.max_rate,
                health_port=0,
            )
            duration = options.duration or 2 * options.recipients / settings.broadcast_rate + 60
            await queue_campaign(settings, options.recipients)
            statuses, finished = await run_bot(settings, duration)
        pipe.send("report")
        log = await receive(pipe)
    finally:
        server.join(timeout=5)
        server.kill()
    report(options, settings, log, statuses, finished)


def busiest_second(arrivals: list[float]) -> int:
    """The most arrivals in any sliding one-second window."""
    most, start = 0, 0
    for end, at in enumerate(arrivals):
        while at - arrivals[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def report(
    options: argparse.Namespace,
    settings: Settings,
    log: ServerLog,
    statuses: Counter[str],
    finished: bool,
) -> None:
    per_chat = Counter(chat for chat, _ in log.accepted)
    lost = sum(1 for i in range(options.recipients) if per_chat[FIRST_CHAT + i] == 0)
    duplicated = sum(times - 1 for times in per_chat.values() if times > 1)
    arrivals = sorted(at for _, at in log.accepted)
    span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else 0.0
    rate = (len(arrivals) - 1) / span if span else 0.0
    database = "PostgreSQL" if settings.db_url.startswith("postgresql") else "SQLite"
    print(f"recipients            {options.recipients} ({database})")
    print(
        f"limits                L {options.limit:g}/s per bot, 1/s per chat, 20/min per group; "
        f"BROADCAST_RATE {settings.broadcast_rate:g}, TELEGRAM_MAX_RATE "
        f"{settings.telegram_max_rate:g}"
    )
    print(f"accepted sends        {len(arrivals)} in {span:.2f} s" + ("" if finished else " (cut)"))
    print(
        f"achieved rate         {rate:.2f} msgs/s = {rate / settings.broadcast_rate:.3f} of "
        f"BROADCAST_RATE, {rate / options.limit:.3f} of L"
    )
    print(f"busiest second        {busiest_second(arrivals)} sends")
    print(f"429 answers           {log.rate_limited}")
    print(f"lost deliveries       {lost}")
    print(f"duplicated deliveries {duplicated}")
    print(f"outbox rows           {dict(statuses)}")


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--limit", type=float, default=30.0, help="L: Telegram's sends/s per bot")
    parser.add_argument(
        "--duration", type=float, default=0.0, help="stop after this many seconds at the most"
    )
    parser.add_argument("--broadcast-rate", type=float, default=DEFAULTS["broadcast_rate"].default)
    parser.add_argument("--max-rate", type=float, default=DEFAULTS["telegram_max_rate"].default)
    return parser.parse_args()


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    warnings.filterwarnings("ignore", category=PTBUserWarning)
    asyncio.run(main(options()))
