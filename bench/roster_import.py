"""A large roster import: reading the file, applying it, and what other writers wait meanwhile.

For each size, a CSV roster is read and checked (as /impor does, in a thread), then applied
to a fresh database while another writer commits one small row after another, as PSM saving
their answers do. Printed: seconds to read and to apply, how many writes got in meanwhile and
the longest any one waited (goal: a fraction of a second; one transaction held SQLite's writer
13-19 s for 10,000 rows before batches).

    .venv/bin/python bench/roster_import.py [ROWS ...]            (default 10000 40000)
    DATABASE_URL=postgresql+asyncpg://... .venv/bin/python bench/roster_import.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.people.roster import RosterReport, read_roster_data
from bot.people.roster_sync import apply_roster
from bot.privacy.access import OPERATOR
from bot.privacy.audit import Audit, audit
from bot.reference.regions import load_regions
from bot.runtime.clock import Clock
from bot.runtime.settings import load_settings
from storage.db import Sessions, create_engine, create_sessions
from storage.tables import Base


def roster(rows: int) -> bytes:
    lines = ["nama;telepon;kelurahan;kecamatan;peran"]
    lines += [f"PSM {n};0813{n:08d};Sukarasa;Tangerang;psm" for n in range(rows)]
    return "\r\n".join(lines).encode()


async def other_writer(sessions: Sessions, stop: asyncio.Event) -> tuple[int, float]:
    """Commit a small row again and again; how many, and the longest one took."""
    writes, longest = 0, 0.0
    while not stop.is_set():
        started = time.perf_counter()
        async with sessions.begin() as session:
            audit(session, Audit.USER_LIST, at=Clock().now(), rows=writes)
        longest = max(longest, time.perf_counter() - started)
        writes += 1
        await asyncio.sleep(0.01)
    return writes, longest


async def measure(url: str, rows: int, report: RosterReport) -> tuple[float, int, float]:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
    sessions = create_sessions(engine)

    async def no_cases(_session: object, _user_id: int) -> list[str]:
        return []

    stop = asyncio.Event()
    writer = asyncio.create_task(other_writer(sessions, stop))
    started = time.perf_counter()
    await apply_roster(sessions, None, report.rows, OPERATOR, None, Clock().now(), no_cases)  # type: ignore[arg-type]
    applied = time.perf_counter() - started
    stop.set()
    writes, longest = await writer
    await engine.dispose()
    return applied, writes, longest


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 40_000]
    regions = load_regions(load_settings(_env_file=None, bot_token="1:bench").region_file)
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL") or f"sqlite+aiosqlite:///{folder}/bench.db"
        print(f"{'rows':>7} {'read s':>7} {'apply s':>8} {'writes':>7} {'longest wait ms':>16}")
        for rows in sizes:
            started = time.perf_counter()
            report = read_roster_data(roster(rows), regions)
            read = time.perf_counter() - started
            assert not report.errors, report.errors[:3]
            applied, writes, longest = asyncio.run(measure(url, rows, report))
            print(f"{rows:>7} {read:>7.1f} {applied:>8.1f} {writes:>7} {longest * 1000:>16.0f}")


if __name__ == "__main__":
    main()
