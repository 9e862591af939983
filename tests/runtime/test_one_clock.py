"""Every timestamp the product writes comes from the injected Clock (DESIGN principle 11).

A column default or a `datetime.now()` somewhere in a service mixes two clocks: a PSM who
registered a minute ago looks idle for a month, and a test passes only before some date.
"""

from __future__ import annotations

import ast
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import DateTime

from storage.tables import Base

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("bot", "handlers", "storage")
# The one seam, and the simulated Telegram, which stamps its messages with its own clock as
# the real servers do (those dates are Telegram's, never written by the bot).
ALLOWED = ("bot/runtime/clock.py", "bot/sandbox/telegram/")
WALL_CLOCK = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("func", "now"),
    ("func", "current_timestamp"),
    ("func", "localtimestamp"),
}
YEARS_AHEAD = os.environ.get("PSM_TEST_YEARS_AHEAD")
SQL_CLOCKS = ("CURRENT_TIMESTAMP", "NOW()", "LOCALTIMESTAMP", "'NOW'")


def _product_files() -> list[Path]:
    files = [path for package in PRODUCT for path in (ROOT / package).rglob("*.py")]
    return [
        path
        for path in files
        if "migrations" not in path.parts and not str(path.relative_to(ROOT)).startswith(ALLOWED)
    ]


def _wall_clock_reads(path: Path) -> list[str]:
    return [
        f"{path}:{node.lineno} {what}"
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if (what := _clock_in(node))
    ]


def _clock_in(node: ast.AST) -> str | None:
    """What reads the wall clock in this node, if anything does."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        name = (node.value.id, node.attr)
        return ".".join(name) if name in WALL_CLOCK else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "SQL clock" if any(c in node.value.upper() for c in SQL_CLOCKS) else None
    if isinstance(node, ast.keyword) and node.arg in ("server_default", "server_onupdate"):
        return node.arg
    return None


def test_no_product_code_reads_the_wall_clock_but_the_clock_itself() -> None:
    reads = [read for path in _product_files() for read in _wall_clock_reads(path)]
    assert reads == [], "take the time from the injected Clock:\n" + "\n".join(reads)


def test_no_timestamp_column_fills_itself() -> None:
    filled = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, DateTime)
        or isinstance(getattr(column.type, "impl", None), DateTime)
        if column.default is not None
        or column.onupdate is not None
        or column.server_default is not None
        or column.server_onupdate is not None
    ]
    assert filled == [], f"these timestamps must be given from the Clock: {filled}"


def test_the_guard_sees_each_kind_of_wall_clock_read(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "from datetime import date, datetime\n"
        "stamp = datetime.now()\n"
        "day = date.today()\n"
        "q = 'UPDATE users SET last_seen_at = CURRENT_TIMESTAMP'\n"
        "column = mapped_column(server_default=func.now())\n"
    )
    assert len(_wall_clock_reads(sneaky)) == 5


@pytest.mark.skipif(not YEARS_AHEAD, reason="only in the run that travels (.ci/run)")
def test_the_travelling_run_really_is_years_ahead() -> None:
    ahead = datetime.now(UTC) - datetime(2026, 12, 4, tzinfo=UTC)
    assert ahead > timedelta(days=365 * (float(YEARS_AHEAD) - 1))
