"""`psm-bot backup` and `psm-bot restore DIR` for the operator: English lines, never the key."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy.audit import Audit, audit
from bot.records.backup import backup
from bot.records.dumps import DumpFailed
from bot.records.manifest import BadBackup
from bot.records.restore import NotEmpty, restore
from bot.runtime.clock import Clock
from bot.runtime.context import cipher_of
from bot.runtime.settings import Settings
from storage.db import create_engine, create_sessions


def backup_command(settings: Settings, into: Path | None) -> int:
    """Copy the database, the key ring and a manifest into a new folder; audited."""
    now = Clock().now()
    keys = cipher_of(settings).keys
    try:
        made = asyncio.run(
            backup(
                settings.db_url,
                keys,
                into or settings.data_dir / "backups",
                now,
                settings.backup_keep_days,
            )
        )
    except DumpFailed as failed:
        print(f"error: {failed}")
        return 1
    tables = len(made.manifest.counts)
    asyncio.run(_record(settings, lambda s: audit(s, Audit.DATA_BACKUP, at=now, tables=tables)))
    rows = sum(made.manifest.counts.values())
    print(f"backup in {made.folder}: {made.manifest.database}, data.key, manifest.json")
    print(f"schema {made.manifest.revision}, {rows} rows in {len(made.manifest.counts)} tables")
    for old in made.removed:
        print(f"removed {old} (older than BACKUP_KEEP_DAYS={settings.backup_keep_days})")
    print("keep the folder safe: it holds personal data, and the key that opens it")
    return 0


def restore_command(settings: Settings, folder: Path, force: bool) -> int:
    """Restore a backup folder into an empty database (any with --force), then check it."""
    data_key = settings.data_key.get_secret_value() if settings.data_key else None
    try:
        done = asyncio.run(restore(settings.db_url, folder, data_key, settings.data_dir, force))
    except NotEmpty:
        print("error: the database is not empty: restore into a new one, or add --force to replace")
        return 1
    except (BadBackup, DumpFailed) as failed:
        print(f"error: {failed}")
        return 1
    now = Clock().now()
    made = done.manifest.created_at
    asyncio.run(_record(settings, lambda s: audit(s, Audit.DATA_RESTORE, at=now, made=made)))
    rows = sum(done.manifest.counts.values())
    print(f"restored the backup of {done.manifest.created_at}: schema {done.manifest.revision}")
    print(f"checked: {rows} rows in {len(done.manifest.counts)} tables, {done.niks} NIK(s) read")
    if done.key_installed is not None:
        print(f"the backup's key is now {done.key_installed}")
    return 0


async def _record(settings: Settings, write: Callable[[AsyncSession], None]) -> None:
    """Write one audit row in a transaction of its own."""
    engine = create_engine(settings.db_url)
    try:
        async with create_sessions(engine).begin() as session:
            write(session)
    finally:
        await engine.dispose()
