"""SQLite under concurrent conversations: one writer at a time, in turn, and no idle round trips.

SQLite lets one connection write at a time. The others wait in its busy handler, which polls
with sleeps growing to 100 ms and serves the waiters in no order, so twenty PSM answering at
once (each answer a small committed write) waited up to a second or more, and past
busy_timeout got "database is locked". Here a connection's first write of a transaction takes
an asyncio lock first, waiting its turn on the event loop, and gives it back when the
connection returns to the pool, its transaction ended; reads go on alongside, as WAL allows.

aiosqlite runs every driver call on a thread of its own, a round trip through the event loop;
the pool's customary rollback of every returned connection is one more per transaction,
needless when the transaction was already committed or rolled back, so it runs only when one
is still open.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_only

# As long as SQLite's own busy_timeout (storage/db.py) lets a writer wait.
WAIT_SECONDS = 5.0
_HOLDS = "psm_writer_lock"


def serialize_writes(engine: AsyncEngine) -> None:
    """Install the writer's turn and the lean pool reset on `engine` (an aiosqlite one)."""
    lock = asyncio.Lock()
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "before_cursor_execute")
    def take_turn(connection: Any, _cursor: Any, statement: str, _params: Any, *_: Any) -> None:
        if connection.info.get(_HOLDS) or statement.lstrip()[:6].upper() == "SELECT":
            return
        try:
            await_only(asyncio.wait_for(lock.acquire(), WAIT_SECONDS))
        except TimeoutError:
            raise sqlite3.OperationalError("database is locked") from None
        connection.info[_HOLDS] = True

    def give_back(_dbapi_connection: Any, record: Any, *_: Any) -> None:
        if record is not None and record.info.pop(_HOLDS, False):
            lock.release()

    for name in ("checkin", "invalidate", "close_detached"):
        event.listen(sync_engine.pool, name, give_back)

    @event.listens_for(sync_engine, "reset")
    def reset(dbapi_connection: Any, record: Any, _state: Any) -> None:
        if dbapi_connection.driver_connection.in_transaction:
            dbapi_connection.rollback()
        give_back(dbapi_connection, record)
