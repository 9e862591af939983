"""Outbox rows the delivery tests start from: many PSM, a test campaign, what was delivered."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from bot.delivery import Payload, enqueue
from bot.runtime.clock import FixedClock
from storage.db import create_engine, create_sessions
from storage.people import Role, User, UserStatus
from tests.factories import START, SUKARASA, TANGERANG
from tests.harness import BotHarness

KIND = "test"


async def add_psm(url: str, count: int, status: UserStatus = UserStatus.ACTIVE) -> list[int]:
    """`count` PSM of Sukarasa in one transaction; returns their Telegram ids."""
    first = 3001 if status == UserStatus.ACTIVE else 4001
    ids = list(range(first, first + count))
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        session.add_all(
            User(
                created_at=START,
                telegram_id=i,
                full_name=f"PSM {i}",
                role=Role.PSM,
                status=status,
                kelurahan_code=SUKARASA,
                kecamatan_code=TANGERANG,
            )
            for i in ids
        )
    await engine.dispose()
    return ids


async def queue(
    url: str, campaign_id: int, ids: list[int], clock: FixedClock, later: int = 0
) -> int:
    """Queue a test message for these users, due `later` minutes from the clock's now."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        users = list(await session.scalars(select(User).where(User.telegram_id.in_(ids))))
        added = await enqueue(
            session,
            kind=KIND,
            campaign_id=campaign_id,
            recipients=users,
            payload=Payload(f"Pesan <b>{campaign_id}</b>", buttons=[[("Oke", "x:ok")]]),
            not_before=clock.now() + timedelta(minutes=later),
        )
    await engine.dispose()
    return added


def deliveries(harness: BotHarness) -> Counter[int]:
    """Accepted sendMessage requests per chat."""
    return Counter(
        int(r.params["chat_id"])
        for r in harness.telegram.requests
        if r.method == "sendMessage" and r.ok
    )
