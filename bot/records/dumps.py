"""The database's own copy, in and out: SQLite's online backup API, PostgreSQL's pg_dump -Fc.

Rows are counted in the very snapshot that is copied (on PostgreSQL the dump is taken under the
snapshot exported by the transaction that counts), so the manifest's counts are exact while the
bot keeps writing. The PostgreSQL password goes to pg_dump in its environment, never in argv.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.db import create_engine

SQLITE_COPY = "psm-bot.db"
PG_DUMP = "psm-bot.dump"


class DumpFailed(Exception):
    """No database to copy, or pg_dump or pg_restore failed; the message says which (from the
    tool: its error line, never rows or a password)."""


def backend_of(url: str) -> str:
    return make_url(url).get_backend_name()


def sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


async def counts(connection: AsyncConnection) -> tuple[str | None, dict[str, int]]:
    """The schema revision and the rows in every table, as this connection sees them."""
    names = sorted(await connection.run_sync(lambda c: inspect(c).get_table_names()))
    rows = {
        name: int(await connection.scalar(text(f'SELECT count(*) FROM "{name}"')) or 0)
        for name in names
    }
    revision = None
    if "alembic_version" in names:
        revision = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    return revision, rows


async def database_counts(url: str) -> tuple[str | None, dict[str, int]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await counts(connection)
    finally:
        await engine.dispose()


async def dump(url: str, folder: Path) -> tuple[str, str | None, dict[str, int]]:
    """Copy the database into `folder`: the file's name, the revision and the counts."""
    if backend_of(url) == "sqlite":
        if not await asyncio.to_thread(sqlite_path(url).is_file):
            raise DumpFailed(f"no database at {sqlite_path(url)}")
        await asyncio.to_thread(_sqlite_copy, sqlite_path(url), folder / SQLITE_COPY)
        revision, rows = await database_counts(f"sqlite+aiosqlite:///{folder / SQLITE_COPY}")
        return SQLITE_COPY, revision, rows
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="REPEATABLE READ")
            snapshot = await connection.scalar(text("SELECT pg_export_snapshot()"))
            revision, rows = await counts(connection)
            await pg_tool(
                "pg_dump", url, "-Fc", f"--snapshot={snapshot}", "-f", str(folder / PG_DUMP)
            )
    finally:
        await engine.dispose()
    return PG_DUMP, revision, rows


async def load(url: str, source: Path) -> None:
    """Put the copy `source` into the (empty) database of `url`."""
    if backend_of(url) == "sqlite":
        await asyncio.to_thread(_sqlite_copy, source, sqlite_path(url))
        return
    await pg_tool(
        "pg_restore", url, "--no-owner", "--no-privileges", "--exit-on-error", str(source)
    )


async def is_empty(url: str) -> bool:
    if backend_of(url) == "sqlite" and not sqlite_path(url).is_file():
        return True
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return not await connection.run_sync(lambda c: inspect(c).get_table_names())
    finally:
        await engine.dispose()


async def wipe(url: str) -> None:
    """Remove everything from the database (`restore --force`)."""
    if backend_of(url) == "sqlite":
        await asyncio.to_thread(_sqlite_remove, sqlite_path(url))
        return
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


def _sqlite_remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _sqlite_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    reading = sqlite3.connect(source)
    try:
        writing = sqlite3.connect(target)
        try:
            reading.backup(writing)
        finally:
            writing.close()
    finally:
        reading.close()
    target.chmod(0o600)


async def pg_tool(program: str, url: str, *args: str) -> None:
    """Run pg_dump or pg_restore on the database of `url` (DumpFailed when it fails)."""
    parsed = make_url(url)
    env = {**os.environ, "PGPASSWORD": parsed.password or ""} if parsed.password else None
    process = await asyncio.create_subprocess_exec(
        program,
        "-d",
        _libpq(parsed),
        *args,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await process.communicate()
    if process.returncode != 0:
        # Only the error line: the lines after it (DETAIL, CONTEXT) can quote rows.
        lines = err.decode(errors="replace").splitlines()
        said = next((line for line in lines if "error:" in line), "no message")
        raise DumpFailed(f"{program} failed: {said.split('error:', 1)[-1].strip()[:200]}")


def _libpq(parsed: URL) -> str:
    """The URL as libpq reads it: no driver name, no password; of the options only the host
    (`?host=/run/postgresql`: the local socket), which libpq reads the same way."""
    query = {key: value for key, value in parsed.query.items() if key == "host"}
    return parsed.set(drivername="postgresql", password=None, query=query).render_as_string(False)
