"""Start-up loads only what it uses: `psm-bot --help` answers at once, no chart at bot start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.process

HEAVY = ("telegram", "telegram.ext", "sqlalchemy", "alembic", "openpyxl", "matplotlib", "pydantic")

BUILD_THE_PARSER = f"""
import sys
from pathlib import Path
from bot.cli import parser
parser().format_help()
print(sorted(name for name in {HEAVY!r} if name in sys.modules))
"""


def test_building_the_command_line_imports_no_library_of_the_bot() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BUILD_THE_PARSER], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_help_lists_every_command_without_loading_the_bot() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for command in ("run", "sandbox", "status", "migrate", "import-roster", "backup"):
        assert command in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert imported.isdisjoint(HEAVY)


def test_a_bot_start_loads_neither_charts_nor_workbooks_until_one_is_made() -> None:
    build_the_app = (
        "import sys, bot.app; print(sorted({'matplotlib', 'openpyxl'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", build_the_app], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_restart_on_a_database_already_migrated_leaves_alembic_unloaded(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    migrate = f"from storage.migrate import upgrade; upgrade({url!r})"
    start = f"import sys; {migrate}; print('alembic' in sys.modules)"
    first, again = (
        subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, check=True)
        for _ in range(2)
    )
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")
