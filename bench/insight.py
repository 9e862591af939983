"""/rekap at scale: its queries on 1,000,000 cases against 10,000, and a 100,000-case export.

Both tables hold the same month being asked about (October 2026: 3,000 cases, their follow-up
and referrals); the rest of each table is the eight years before it, followed up before October.
So the ratio shows whether the work follows the period's data (goal: at most 3) or the table.
Then 100,000 cases of one month are exported as XLSX in a fresh process, whose peak memory is
printed (goal: under 200 MB).

Data: 13 kecamatan and their 104 kelurahan, 1,000 PSM, categories, urgencies and statuses in
realistic proportions, verification and closing events, referrals with and without outcomes.
SQLite gets rows by executemany; PostgreSQL (DATABASE_URL=postgresql+asyncpg://..., a database
of its own: its tables are dropped) by COPY.

    .venv/bin/python bench/insight.py [SMALL] [LARGE] [EXPORT]
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.insight_data import QUERY_NOW, build
from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.stats import collect
from bot.reference.categories import load_categories
from bot.runtime.settings import BUNDLED_DATA, load_settings
from storage.db import create_engine, create_sessions

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
RUNS = 5


async def time_rekap(url: str) -> dict[str, float]:
    """Median seconds of collecting October's figures for one kecamatan and for the city."""
    settings = load_settings(_env_file=None, database_url=url)
    categories = load_categories(BUNDLED_DATA / "ppks_categories.csv")
    engine = create_engine(url)
    sessions = create_sessions(engine)
    timings: dict[str, float] = {}
    for name, scope in (("kecamatan", Scope(("367105",))), ("city", Scope())):
        runs = []
        for _ in range(RUNS + 1):  # the first run warms the caches and is not counted
            started = time.perf_counter()
            async with sessions() as session:
                stats = await collect(session, scope, OCTOBER, settings, categories, QUERY_NOW)
            runs.append(time.perf_counter() - started)
        timings[name] = statistics.median(runs[1:])
        timings[f"{name}_cases"] = stats.total
    await engine.dispose()
    return timings


def _high_water_mb() -> float:
    """The process's peak resident memory so far (Linux). Unlike getrusage's ru_maxrss, which
    a spawned child inherits from the parent it was forked from, this starts anew at exec."""
    status = Path("/proc/self/status").read_text()
    kilobytes = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes.split()[1]) / 1024


def export_in_child(url: str, folder: str) -> dict[str, Any]:
    """Run one export in this (fresh) process and report its memory."""
    from bench.insight_export import export_once

    before = _high_water_mb()
    result = asyncio.run(export_once(url, Path(folder)))
    result["rss_before_mb"] = before
    result["rss_peak_mb"] = _high_water_mb()
    return result


def measure_export(url: str) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as folder, context.Pool(1) as pool:
        return pool.apply(export_in_child, (url, folder))


def database(folder: Path, name: str) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgresql"):
        return url
    return f"sqlite+aiosqlite:///{folder / name}.db"


async def main(small: int, large: int, exported: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures: dict[int, dict[str, float]] = {}
        for size in (small, large):
            url = database(folder, f"cases-{size}")
            started = time.perf_counter()
            await build(url, size, period_cases=min(3000, size))
            print(f"built {size:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
            figures[size] = await time_rekap(url)
            print(f"  /rekap October: {figures[size]}", flush=True)
        url = database(folder, "export")
        await build(url, exported, period_cases=exported)
        export = measure_export(url)
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    for scope in ("kecamatan", "city"):
        ratio = figures[large][scope] / figures[small][scope]
        print(
            f"{backend} /rekap {scope}: {figures[small][scope] * 1000:.1f} ms at {small:,}, "
            f"{figures[large][scope] * 1000:.1f} ms at {large:,} -> ratio {ratio:.2f}"
        )
    print(
        f"{backend} XLSX export of {export['rows']:,} cases: {export['seconds']:.1f} s, "
        f"{export['bytes'] / 1e6:.1f} MB in {export['files']} file(s), peak RSS "
        f"{export['rss_peak_mb']:.0f} MB (process before the export: "
        f"{export['rss_before_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    numbers = [int(arg.replace("_", "")) for arg in sys.argv[1:4]]
    small, large, exported = [*numbers, *[10_000, 1_000_000, 100_000][len(numbers) :]]
    asyncio.run(main(small, large, exported))
