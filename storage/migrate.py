"""Apply Alembic migrations programmatically, so operators need no alembic.ini."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str, nik_index: Callable[[str], str] | None = None) -> Config:
    """`nik_index` turns a stored NIK token into its blind index, for migrations that fill it:
    the key belongs to the application, so storage is handed the function, never the key."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Alembic's config is a ConfigParser: a literal % (an encoded password, ?host=%2Frun%2F...)
    # must be doubled or it is read as interpolation and migrating fails.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["nik_index"] = nik_index
    return config


def upgrade(database_url: str, nik_index: Callable[[str], str] | None = None) -> None:
    """Bring the database to the newest schema; safe to run on every start."""
    command.upgrade(alembic_config(database_url, nik_index), "head")


def known_revisions() -> tuple[str, set[str]]:
    """The newest revision this code migrates to, and every revision it knows."""
    scripts = ScriptDirectory.from_config(alembic_config(""))
    return str(scripts.get_current_head()), {s.revision for s in scripts.walk_revisions()}
