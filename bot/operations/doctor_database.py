"""What `psm-bot doctor` needs to know of the database, asked once and bounded in time."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from storage.db import create_engine
from storage.migrate import known_revisions

TIMEOUT = 5.0


@dataclass(frozen=True)
class DatabaseState:
    """`revision` None: no schema yet. `sample_nik`: one stored NIK token, to try the key on."""

    head: str
    known: set[str] = field(default_factory=set)
    error: str | None = None
    revision: str | None = None
    sample_nik: str | None = None


def probe_database(url: str) -> DatabaseState:
    """Reach the database without creating anything in it, not even a SQLite file."""
    head, known = known_revisions()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        return DatabaseState(head, known)
    return asyncio.run(_ask(url, head, known))


async def _ask(url: str, head: str, known: set[str]) -> DatabaseState:
    engine = create_engine(url)
    try:
        async with asyncio.timeout(TIMEOUT), engine.connect() as connection:
            tables = set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
            revision = sample = None
            if "alembic_version" in tables:
                revision = await connection.scalar(text("SELECT version_num FROM alembic_version"))
            if "cases" in tables:
                sample = await connection.scalar(
                    text("SELECT nik_encrypted FROM cases WHERE nik_encrypted IS NOT NULL LIMIT 1")
                )
    except Exception as exc:  # every failure is a finding here, not a crash
        # The driver's error class says what went wrong without echoing the URL's password.
        name = type(getattr(exc, "orig", None) or exc).__name__
        return DatabaseState(head, known, error=name)
    finally:
        await engine.dispose()
    return DatabaseState(head, known, None, revision, sample)
