"""How close the outbox gets to Telegram's rate limit, and whether it loses or repeats anything.

The fake Bot API server runs in a process of its own on 127.0.0.1 (Telegram is another machine,
after all) and answers 429 to sends beyond L per second (default 200).
RECIPIENTS (default 2,000) active PSM are queued in a temporary SQLite database, then the real
bot (its scheduled outbox job, BROADCAST_RATE just under L, TELEGRAM_MAX_RATE above it) sends
the campaign. Printed: the achieved rate as a fraction of L, the 429s received, and deliveries
lost or duplicated (the fake server's accepted sendMessage requests per chat against the rows).

    .venv/bin/python bench/broadcast.py [L] [RECIPIENTS]
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import sys
import tempfile
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
# Seconds: sending stops after DEADLINE and the server must answer within ANSWER_WITHIN, so a
# run ends by itself within a minute whatever happens.
DEADLINE, ANSWER_WITHIN = 45.0, 10.0
# Just under the server's limit for broadcasts; the bot-wide limiter above it never bites.
BROADCAST_SHARE, OVERALL_SHARE = 0.95, 1.5


async def queue_campaign(settings: Settings, recipients: int) -> None:
    """Create the schema, the recipients and one outbox row for each."""
    engine = create_engine(settings.db_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with create_sessions(engine).begin() as session:
        users = [
            User(
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


async def run_bot(settings: Settings) -> Counter[str]:
    """Start the bot as in production (its JobQueue ticks) and wait for the campaign's end."""
    app = build_application(settings)
    await app.initialize()
    assert app.post_init is not None and app.post_shutdown is not None
    await app.post_init(app)
    await app.start()
    try:
        services = app.bot_data.services
        assert services is not None
        unfinished = select(func.count()).where(
            OutboxMessage.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING])
        )
        while True:
            async with services.sessions() as session:
                if not await session.scalar(unfinished):
                    break
            await asyncio.sleep(0.2)
        async with services.sessions() as session:
            rows = await session.execute(
                select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
            )
            return Counter({status: number for status, number in rows})
    finally:
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)


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
        telegram.rate_limit(limit)
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


async def main(limit: float, recipients: int) -> None:
    context = multiprocessing.get_context("spawn")
    pipe, server_end = context.Pipe()
    server = context.Process(target=serve, args=(limit, server_end), daemon=True)
    server.start()
    try:
        token, base_url, file_url = await receive(pipe)
        with tempfile.TemporaryDirectory() as folder:
            settings = load_settings(
                _env_file=None,
                bot_token=token,
                bot_api_base_url=base_url,
                bot_api_base_file_url=file_url,
                data_dir=Path(folder),
                broadcast_rate=limit * BROADCAST_SHARE,
                telegram_max_rate=limit * OVERALL_SHARE,
                outbox_tick_seconds=0.5,
            )
            await queue_campaign(settings, recipients)
            statuses = await asyncio.wait_for(run_bot(settings), DEADLINE)
        pipe.send("report")
        log = await receive(pipe)
    finally:
        server.join(timeout=5)
        server.kill()
    report(log, limit, recipients, statuses)


def report(log: ServerLog, limit: float, recipients: int, statuses: Counter[str]) -> None:
    per_chat = Counter(chat for chat, _ in log.accepted)
    lost = sum(1 for i in range(recipients) if per_chat[FIRST_CHAT + i] == 0)
    duplicated = sum(times - 1 for times in per_chat.values() if times > 1)
    arrivals = [at for _, at in log.accepted]
    span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else 0.0
    rate = (len(arrivals) - 1) / span if span else 0.0
    print(f"recipients            {recipients}")
    print(f"server limit L        {limit:g} msgs/s; BROADCAST_RATE {limit * BROADCAST_SHARE:g}")
    print(f"accepted sends        {len(arrivals)} in {span:.2f} s")
    print(f"achieved rate         {rate:.1f} msgs/s = {rate / limit:.3f} of L")
    print(f"429 answers           {log.rate_limited}")
    print(f"lost deliveries       {lost}")
    print(f"duplicated deliveries {duplicated}")
    print(f"outbox rows           {dict(statuses)}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    warnings.filterwarnings("ignore", category=PTBUserWarning)
    numbers = sys.argv[1:3]
    asyncio.run(
        main(float(numbers[0]) if numbers else 200.0, int(numbers[1]) if len(numbers) > 1 else 2000)
    )
