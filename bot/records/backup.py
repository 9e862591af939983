"""`psm-bot backup`: a consistent copy of the SQLite database and, with it, the key file.

SQLite's online backup API copies a consistent snapshot while the bot keeps writing (WAL). The
key goes in the same folder because the copy is useless without it: NIKs stay encrypted. On
PostgreSQL the database is the DBA's to dump (pg_dump); the key still has to go with it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.privacy.crypto import key_file


class NotSqlite(Exception):
    """The database is not a SQLite file."""


@dataclass(frozen=True)
class Backup:
    folder: Path
    database: Path
    key: Path | None  # None when the key is DATA_KEY, which lives in the environment


def backup(
    database_url: str, data_dir: Path, key_in_env: bool, into: Path, now: datetime
) -> Backup:
    """Copy database and key into a new folder under `into`, readable by the owner only."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise NotSqlite(url.get_backend_name())
    if not Path(url.database).is_file():
        raise FileNotFoundError(url.database)
    folder = into / f"psm-bot-{now:%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True, mode=0o700)
    target = folder / "psm-bot.db"
    source = sqlite3.connect(url.database)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    os.chmod(target, 0o600)
    key = None
    if not key_in_env:
        key = folder / key_file(data_dir).name
        shutil.copyfile(key_file(data_dir), key)
        os.chmod(key, 0o600)
    return Backup(folder, target, key)
