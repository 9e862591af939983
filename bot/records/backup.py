"""`psm-bot backup` and `psm-bot restore`: the database, its data key and a manifest, together.

A copy is useless without the key that encrypts its NIKs, so every backup folder holds the
whole key ring too (data.key, readable by the owner only), whether it came from DATA_KEY or the
key file; a folder without one is never made. Old backups go after BACKUP_KEEP_DAYS.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.privacy.crypto import KEY_FILE, write_keys
from bot.records.dumps import backend_of, dump
from bot.records.manifest import Manifest, sha256, write_manifest

PREFIX = "psm-bot-"
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    folder: Path
    manifest: Manifest
    removed: list[Path]  # older backups past BACKUP_KEEP_DAYS


async def backup(
    database_url: str, keys: Sequence[bytes], into: Path, now: datetime, keep_days: int
) -> Backup:
    """Copy database and key ring into a new folder under `into`, then drop expired ones."""
    folder = into / f"{PREFIX}{now:{STAMP}}"
    folder.mkdir(parents=True, mode=0o700)
    try:
        write_keys(folder / KEY_FILE, keys)
        name, revision, counts = await dump(database_url, folder)
    except BaseException:
        shutil.rmtree(folder)  # half a backup must not pass for one
        raise
    manifest = Manifest(
        created_at=now.isoformat(),
        backend=backend_of(database_url),
        database=name,
        revision=revision,
        counts=counts,
        checksums={file: sha256(folder / file) for file in (name, KEY_FILE)},
    )
    write_manifest(folder, manifest)
    return Backup(folder, manifest, _expire(into, now, keep_days, keep=folder))


def _expire(into: Path, now: datetime, keep_days: int, keep: Path) -> list[Path]:
    """Remove this command's own folders older than `keep_days` (0: keep every one)."""
    if keep_days == 0:
        return []
    removed = []
    for folder in sorted(into.glob(f"{PREFIX}*")):
        try:
            made = datetime.strptime(folder.name.removeprefix(PREFIX), STAMP).replace(
                tzinfo=now.tzinfo
            )
        except ValueError:
            continue  # not ours: leave it alone
        if folder != keep and now - made > timedelta(days=keep_days):
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
