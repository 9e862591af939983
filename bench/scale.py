"""Do the bot's queries stay flat as cases pile up? Each timed at SMALL and LARGE cases.

Two databases are built with the same city (bench/scale_data.py) and SMALL and LARGE cases:
SQLite files written with executemany, or, with DATABASE_URL=postgresql+asyncpg://..., two
schemas of that database loaded with COPY (then VACUUM ANALYZE). Each query is the bot's own
function, called in a fresh session as a handler or job would, its writes rolled back; it is
timed alternately on both databases and the medians compared. One line per query:

    NAME: small=1.23ms large=2.34ms ratio=1.90

    .venv/bin/python bench/scale.py [--small 10000] [--large 1000000] [--rounds 25] [--keep DIR]
    DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1/psm_perf .venv/bin/python bench/scale.py

--keep DIR keeps the SQLite files (or the PostgreSQL schemas) and uses them again next time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Index, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench.scale_data import City
from bench.scale_queries import QUERIES, Scene
from bot.runtime.settings import load_settings
from storage.db import create_engine
from storage.tables import Base

SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


@dataclass
class Database:
    """One built database: where it is and how to reach it."""

    cases: int
    url: str
    schema: str | None = None

    def engine(self) -> AsyncEngine:
        if self.schema is None:
            return create_engine(self.url)
        return create_async_engine(
            self.url, connect_args={"server_settings": {"search_path": self.schema}}
        )


async def built(database: Database) -> bool:
    """True when the database already holds this many cases (a --keep run before)."""
    engine = database.engine()
    try:
        async with engine.connect() as connection:
            count = await connection.scalar(text("SELECT max(id) FROM cases"))
            return bool(count == database.cases)
    except Exception:
        return False
    finally:
        await engine.dispose()


async def build(database: Database, now: datetime) -> None:
    """Create the schema, load the city's rows without the indexes, then index and analyze."""
    started = time.perf_counter()
    engine = database.engine()
    if database.schema:
        async with engine.begin() as connection:
            await connection.execute(text(f"DROP SCHEMA IF EXISTS {database.schema} CASCADE"))
            await connection.execute(text(f"CREATE SCHEMA {database.schema}"))
    indexes = [index for table in Base.metadata.sorted_tables for index in table.indexes]
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
        for index in indexes:
            await connection.run_sync(lambda sync, i=index: Index.drop(i, sync))
    async with engine.connect() as connection:
        raw = (await connection.get_raw_connection()).driver_connection
        for table, columns, chunks in City(database.cases, now).tables():
            for chunk in chunks:
                if database.schema:
                    await raw.copy_records_to_table(
                        table, records=[_pg(row) for row in chunk], columns=columns,
                        schema_name=database.schema,
                    )  # fmt: skip
                else:
                    marks = ", ".join("?" * len(columns))
                    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                    await raw.executemany(statement, [_sqlite(row) for row in chunk])
            if not database.schema:
                await raw.commit()
    async with engine.begin() as connection:
        for index in indexes:
            await connection.run_sync(lambda sync, i=index: Index.create(i, sync))
        if database.schema:
            for table in Base.metadata.sorted_tables:
                if "id" in table.c and table.c.id.autoincrement is not False:
                    await connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {table.name}), 1))"
                        )
                    )
        else:
            await connection.execute(text("ANALYZE"))
    if database.schema:
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("VACUUM ANALYZE"))
    await engine.dispose()
    print(f"# built {database.cases} cases in {time.perf_counter() - started:.0f} s", flush=True)


async def add_new_indexes(database: Database) -> None:
    """Data kept from an earlier run gets the indexes added to the models since."""
    engine = database.engine()
    async with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                await connection.run_sync(lambda sync, i=index: i.create(sync, checkfirst=True))
        await connection.execute(text("ANALYZE"))
    await engine.dispose()


def _sqlite(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(
        v.astimezone(UTC).strftime(SQLITE_TIME) if isinstance(v, datetime)
        else json.dumps(v) if isinstance(v, dict) else v
        for v in row
    )  # fmt: skip


def _pg(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(json.dumps(v) if isinstance(v, dict) else v for v in row)


async def timed(scene: Scene, query: Callable[[Scene], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await query(scene)
    return time.perf_counter() - started


async def measure(scenes: tuple[Scene, Scene], rounds: int) -> None:
    for name, query in QUERIES.items():
        for scene in scenes:
            for _ in range(3):
                await query(scene)
        samples: tuple[list[float], list[float]] = ([], [])
        for _ in range(rounds):
            for scene, kept in zip(scenes, samples, strict=True):
                kept.append(await timed(scene, query))
        small, large = (statistics.median(kept) * 1000 for kept in samples)
        print(f"{name}: small={small:.2f}ms large={large:.2f}ms ratio={large / small:.2f}")


async def main(options: argparse.Namespace) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    url = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(options.keep or scratch)
        databases = [
            Database(n, url, f"scale_{n}")
            if url.startswith("postgresql")
            else Database(n, f"sqlite+aiosqlite:///{folder / f'scale-{n}.db'}")
            for n in (options.small, options.large)
        ]
        moments = []
        for database in databases:
            # Kept data is measured at the moment it was built for, or hours of nudges and
            # reminders would have fallen due since.
            stamp = folder / f"scale-{database.cases}.built"
            if options.keep and stamp.exists() and await built(database):
                await add_new_indexes(database)
                moments.append(datetime.fromisoformat(stamp.read_text()))
            else:
                await build(database, now)
                stamp.write_text(now.isoformat())
                moments.append(now)
        settings = load_settings(_env_file=None, data_dir=folder)
        scenes = [
            await Scene.open(d.engine(), settings, d.cases, moment)
            for d, moment in zip(databases, moments, strict=True)
        ]
        backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"# {backend}: small={options.small} cases, large={options.large} cases")
        try:
            await measure((scenes[0], scenes[1]), options.rounds)
        finally:
            for scene in scenes:
                await scene.services.engine.dispose()
            if not options.keep:
                for database in databases:
                    await drop(database)


async def drop(database: Database) -> None:
    if database.schema:
        engine = create_async_engine(database.url)
        async with engine.begin() as connection:
            await connection.execute(text(f"DROP SCHEMA IF EXISTS {database.schema} CASCADE"))
        await engine.dispose()


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--keep", help="keep the data here (SQLite files) and use it again")
    options = parser.parse_args()
    if options.keep:
        Path(options.keep).mkdir(parents=True, exist_ok=True)
    return options


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    asyncio.run(main(_options()))
