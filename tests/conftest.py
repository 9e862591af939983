"""Shared fixtures: a fresh database, the fake Bot API server, the real Application on top."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.runtime.clock import FixedClock
from bot.runtime.settings import Settings, load_settings
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine
from storage.tables import Base
from tests.factories import START
from tests.harness import BotHarness

ADMIN_ID = 900_001
# Every test fails if one of the bot's callbacks holds the event loop (tests/loop_guard.py).
pytest_plugins = ["tests.loop_guard"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first: beside another xdist worker's quick ones, not last and alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# Under `pytest -n`, each worker (gw0, gw1...) has a database of its own next to the given one.
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
GIVEN = os.environ.get("TEST_DATABASE_URL")
POSTGRES = (
    make_url(GIVEN).set(database=f"{make_url(GIVEN).database}_{WORKER}").render_as_string(False)
    if GIVEN and WORKER
    else GIVEN
)
# Where the models' schema is ready: a SQLite file to copy, or PostgreSQL's tables to empty.
_ready: dict[str, Path | bool] = {}


async def _create_worker_database() -> None:
    """Create this worker's database once, from the given one (the CI user may create them)."""
    if _ready.get("database") or not (GIVEN and POSTGRES and GIVEN != POSTGRES):
        return
    name = make_url(POSTGRES).database
    engine = create_async_engine(GIVEN, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        known = text("SELECT 1 FROM pg_database WHERE datname = :name")
        if await connection.scalar(known, {"name": name}) is None:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    _ready["database"] = True


async def reset_database(url: str) -> None:
    """Drop every table, Alembic's included, so a test starts from an empty database."""
    await _create_worker_database()
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await engine.dispose()


@pytest.fixture
async def database_url(tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or the PostgreSQL of TEST_DATABASE_URL emptied."""
    if POSTGRES:
        _ready.pop("postgres", None)
        await reset_database(POSTGRES)
        return POSTGRES
    return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
async def schema(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with every table of the models and no rows.

    The schema is built once per session: later tests get a copy of the SQLite file, or on
    PostgreSQL the same tables emptied, which is many times faster than creating them again.
    """
    if POSTGRES:
        if "postgres" not in _ready:
            await reset_database(POSTGRES)
            await _create_tables(POSTGRES)
            _ready["postgres"] = True
        else:
            await _empty_tables(POSTGRES)
        return POSTGRES
    template = _ready.get("sqlite")
    if not isinstance(template, Path):
        template = tmp_path_factory.mktemp("schema") / "template.db"
        await _create_tables(f"sqlite+aiosqlite:///{template}")
        _ready["sqlite"] = template
    copy = tmp_path / "test.db"
    shutil.copyfile(template, copy)
    return f"sqlite+aiosqlite:///{copy}"


async def _create_tables(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    await engine.dispose()


async def _empty_tables(url: str) -> None:
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    engine = create_engine(url)
    async with engine.begin() as connection:
        # The audit log refuses TRUNCATE by trigger; a test database may forget, production not.
        await connection.execute(text("SET LOCAL session_replication_role = replica"))
        await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()


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
    return FixedClock(START)


@pytest.fixture
async def harness(
    telegram: FakeTelegramServer, settings: Settings, clock: FixedClock
) -> AsyncIterator[BotHarness]:
    bot = BotHarness(telegram, settings, clock)
    await bot.start()
    yield bot
    await bot.stop()
