"""Shared fixtures: a fresh database, the fake Bot API server, the real Application on top."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.runtime.clock import FixedClock
from bot.runtime.settings import Settings, load_settings
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine
from storage.tables import Base
from tests.harness import BotHarness

ADMIN_ID = 900_001


async def reset_database(url: str) -> None:
    """Empty the database, including Alembic's version table, so each test starts clean."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await engine.dispose()


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    """SQLite in the test's folder, or the PostgreSQL of TEST_DATABASE_URL, emptied first."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    await reset_database(url)
    yield url
    await reset_database(url)


@pytest.fixture
async def schema(database_url: str) -> str:
    """The database with every table created from the models."""
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    await engine.dispose()
    return database_url


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    server = FakeTelegramServer()
    await server.start()
    yield server
    await server.stop()
    server.assert_no_rejections()


@pytest.fixture
def settings(telegram: FakeTelegramServer, schema: str, tmp_path: Path) -> Settings:
    return load_settings(
        _env_file=None,
        bot_token=telegram.token,
        bot_api_base_url=telegram.base_url,
        bot_api_base_file_url=telegram.base_file_url,
        database_url=schema,
        data_dir=tmp_path / "data",
        admin_ids=[ADMIN_ID],
        # Tests run the outbox by hand (harness.run_job("outbox")) with the clock they set.
        outbox_tick_seconds=3600,
    )


@pytest.fixture
def clock() -> FixedClock:
    """A Tuesday morning in Tangerang; tests move it to reach due times."""
    return FixedClock(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))


@pytest.fixture
async def harness(
    telegram: FakeTelegramServer, settings: Settings, clock: FixedClock
) -> AsyncIterator[BotHarness]:
    bot = BotHarness(telegram, settings, clock)
    await bot.start()
    yield bot
    await bot.stop()
