"""One active bot per token: a second instance stands by until the first lets go."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.runtime.standby import ActiveLock, lock_key

POLL = 0.05


@pytest.fixture
def postgres_url(database_url: str) -> str:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("advisory locks need PostgreSQL (TEST_DATABASE_URL)")
    return database_url


@pytest.fixture
def token() -> str:
    """A token of its own per test, so parallel runs on one database never share a lock."""
    return f"test-{uuid.uuid4()}"


def enter_in_background(lock: ActiveLock) -> threading.Thread:
    waiter = threading.Thread(target=lock.__enter__, daemon=True)
    waiter.start()
    return waiter


async def terminate_lock_holder(url: str, key: int) -> None:
    """Kill the server session that holds `key`, as a database restart or failover would."""
    connection = await asyncpg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    try:
        killed = await connection.fetchval(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
            " AND classid = $1 AND objid = $2 AND objsubid = 1 AND granted",
            (key >> 32) & 0xFFFFFFFF,
            key & 0xFFFFFFFF,
        )
    finally:
        await connection.close()
    assert killed


def test_lock_is_not_needed_on_sqlite(tmp_path: Path) -> None:
    lost: list[bool] = []
    with ActiveLock(
        f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", "token", on_lost=lambda: lost.append(True)
    ) as lock:
        assert not [t for t in threading.enumerate() if t.name == "active-lock"]
    assert not lock.lost and lost == []


def test_second_instance_waits_until_the_first_releases_the_lock(
    postgres_url: str, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "bot.standby")
    second = ActiveLock(postgres_url, token, poll_seconds=POLL)
    with ActiveLock(postgres_url, token, poll_seconds=POLL):
        waiter = enter_in_background(second)
        waiter.join(10 * POLL)
        assert waiter.is_alive(), "the second instance became active next to the first"
    waiter.join(2)
    assert not waiter.is_alive(), "the second instance did not take over"
    second.__exit__(None, None, None)
    standing_by = [r for r in caplog.records if "standing by" in r.getMessage()]
    assert len(standing_by) == 1 and standing_by[0].levelno == logging.WARNING


def test_bots_with_different_tokens_do_not_block_each_other(postgres_url: str, token: str) -> None:
    other = ActiveLock(postgres_url, token + "-other", poll_seconds=POLL)
    with ActiveLock(postgres_url, token, poll_seconds=POLL):
        waiter = enter_in_background(other)
        waiter.join(2)
        other.__exit__(None, None, None)
        assert not waiter.is_alive(), "a bot with another token had to wait"


def test_lost_connection_stops_the_active_instance(postgres_url: str, token: str) -> None:
    stopped = threading.Event()
    with ActiveLock(postgres_url, token, poll_seconds=POLL, on_lost=stopped.set) as lock:
        asyncio.run(terminate_lock_holder(postgres_url, lock_key(token)))
        assert stopped.wait(2), "the active instance kept running without its lock"
        assert lock.lost
    with ActiveLock(postgres_url, token, poll_seconds=POLL) as successor:
        assert not successor.lost


def test_clean_exit_does_not_count_as_a_lost_lock(postgres_url: str, token: str) -> None:
    stopped = threading.Event()
    with ActiveLock(postgres_url, token, poll_seconds=POLL, on_lost=stopped.set) as lock:
        pass
    assert not lock.lost and not stopped.is_set()
