"""One active bot per token: a second process stands by on a PostgreSQL advisory lock.

Two processes polling Telegram with one token would steal each other's updates and both run
the outbox, so `psm-bot run` first takes a session-level advisory lock and holds it for the
process's lifetime. The lock is taken before migrations and before PTB's `initialize()` loads
conversations and user_data, so a standby starts from the state its predecessor flushed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
import threading
from collections.abc import Callable

import asyncpg
from sqlalchemy.engine import make_url

_log = logging.getLogger(__name__)

POLL_SECONDS = 5.0


def lock_key(token: str) -> int:
    """A signed 64-bit advisory lock key; bots with different tokens never block each other."""
    digest = hashlib.sha256(b"psm-bot\0" + token.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _terminate() -> None:
    # run_polling turns SIGTERM into a clean stop; the exit lets the supervisor restart us.
    os.kill(os.getpid(), signal.SIGTERM)


class ActiveLock:
    """Context manager that returns once this process is the active one for its token.

    On PostgreSQL a daemon thread with its own event loop holds one dedicated connection: it
    polls `pg_try_advisory_lock` every `poll_seconds` while another instance is active, then
    checks the connection at the same interval. The thread is needed because `run_polling`
    owns the main thread's event loop for as long as the bot runs. On SQLite (one file on one
    host) there is nothing to coordinate and the lock is a no-op.
    """

    def __init__(
        self,
        database_url: str,
        token: str,
        *,
        poll_seconds: float = POLL_SECONDS,
        on_lost: Callable[[], None] = _terminate,
    ) -> None:
        url = make_url(database_url)
        self._dsn = (
            url.set(drivername="postgresql").render_as_string(hide_password=False)
            if url.get_backend_name() == "postgresql"
            else None
        )
        self._key = lock_key(token)
        self._poll_seconds = poll_seconds
        self._on_lost = on_lost
        self._ready = threading.Event()
        self._stop = asyncio.Event()
        self._error: Exception | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.lost = False

    def __enter__(self) -> ActiveLock:
        if self._dsn is None:
            return self
        loop = self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=loop.run_until_complete,
            args=(self._hold(self._dsn),),
            name="active-lock",
            daemon=True,
        )
        self._thread.start()
        try:
            self._ready.wait()
        except BaseException:
            self._release()  # Ctrl+C while standing by
            raise
        if self._error is not None:
            self._release()
            raise self._error
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._loop is not None:
            self._release()

    def _release(self) -> None:
        assert self._loop is not None and self._thread is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()
        self._loop.close()
        self._loop = None

    async def _hold(self, dsn: str) -> None:
        try:
            connection = await asyncpg.connect(dsn)
            try:
                if await self._wait_for_lock(connection):
                    self._ready.set()
                    await self._keep_alive(connection)
            finally:
                # Ending the session releases the lock; terminate() never blocks on a dead link.
                connection.terminate()
        except Exception as exc:
            if not self._ready.is_set():
                self._error = exc  # raised in the main thread: the process exits non-zero
            elif not self._stop.is_set():
                # The server ended our session, so the lock is free for a standby: staying up
                # would make two active copies.
                self.lost = True
                _log.error("lost the database connection holding the active lock: %s", exc)
                self._on_lost()
        finally:
            self._ready.set()

    async def _wait_for_lock(self, connection: asyncpg.Connection) -> bool:
        """True once the lock is ours; False if asked to stop while standing by."""
        warned = False
        while not await connection.fetchval("SELECT pg_try_advisory_lock($1)", self._key):
            if not warned:
                _log.warning("another instance is active; standing by")
                warned = True
            if await self._stopped_within_a_poll():
                return False
        if warned:
            _log.info("the other instance stopped; this one is now active")
        return True

    async def _keep_alive(self, connection: asyncpg.Connection) -> None:
        # The timeout turns a silently dead network into an error instead of a hang.
        while not await self._stopped_within_a_poll():
            await connection.fetchval("SELECT 1", timeout=self._poll_seconds)

    async def _stopped_within_a_poll(self) -> bool:
        try:
            await asyncio.wait_for(self._stop.wait(), self._poll_seconds)
        except TimeoutError:
            return False
        return True
