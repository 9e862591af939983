"""Engine and session factory; SQLite gets WAL and enforced foreign keys.

Engines hide SQL parameters from their errors and logs: they are the rows being written
(names, addresses, GPS points), which must never end up in a log or an admin's error report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.sqlite_writes import serialize_writes

Sessions = async_sessionmaker[AsyncSession]
# Connections kept open: as many as conversations handled at once commonly touch the database.
# With SQLAlchemy's default of 5, a busier moment opened extra ones and closed them again on
# return, each a new connection (for SQLite a new thread and its pragmas) per transaction.
POOL_SIZE, POOL_OVERFLOW = 20, 20


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the bot read while a write is in progress; busy_timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str) -> AsyncEngine:
    """Create the async engine, making the SQLite file's folder when needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # The pool's reset rollback runs only when needed (storage/sqlite_writes.py).
        engine = create_async_engine(
            url,
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
            pool_reset_on_return=None,
            hide_parameters=True,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        serialize_writes(engine)
        return engine
    return create_async_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_pre_ping=True,
        hide_parameters=True,
    )


def create_sessions(engine: AsyncEngine) -> Sessions:
    return async_sessionmaker(engine, expire_on_commit=False)
