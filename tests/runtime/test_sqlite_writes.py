"""SQLite's writers take turns on the event loop; a connection given back open is rolled back."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, insert, select

from storage.db import create_engine
from storage.delivery import OutboxCampaign


@pytest.fixture
def sqlite_url(schema: str) -> str:
    if not schema.startswith("sqlite"):
        pytest.skip("SQLite's single writer only")
    return schema


async def test_many_writers_at_once_all_commit_in_turn(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)

    async def write(n: int) -> None:
        async with engine.begin() as connection:
            await connection.execute(insert(OutboxCampaign).values(kind="t", campaign_id=n))
            # Holding the write while other work runs, as a handler's transaction does.
            await asyncio.sleep(0.01)

    await asyncio.gather(*(write(n) for n in range(40)))
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(OutboxCampaign)) == 40
    await engine.dispose()


async def test_a_write_left_uncommitted_is_undone_and_the_next_writer_does_not_wait(
    sqlite_url: str,
) -> None:
    engine = create_engine(sqlite_url)
    async with engine.connect() as connection:
        await connection.execute(insert(OutboxCampaign).values(kind="t", campaign_id=1))
        # Closed without commit, as after an error.
    started = time.monotonic()
    async with engine.begin() as connection:
        await connection.execute(insert(OutboxCampaign).values(kind="t", campaign_id=2))
    assert time.monotonic() - started < 1
    async with engine.connect() as connection:
        kept = await connection.scalars(select(OutboxCampaign.campaign_id))
        assert list(kept) == [2]
    await engine.dispose()
