"""`psm-bot restore DIR`: a backup back into an empty database, then checked against its manifest.

The key is checked before anything is written (the key in use must be one of the backup's, or
the backup's is installed when there is none), and afterwards every row count, the schema
revision and every NIK are compared with what the backup recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from bot.privacy.crypto import KEY_FILE, Cipher, key_file, parse_keys, write_keys
from bot.records.dumps import backend_of, database_counts, is_empty, load, wipe
from bot.records.manifest import BadBackup, Manifest, read_manifest
from storage.db import create_engine


class NotEmpty(Exception):
    """The target database holds tables; restore only with --force."""


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    niks: int
    key_installed: Path | None


async def restore(
    database_url: str, folder: Path, data_key: str | None, data_dir: Path, force: bool
) -> Restored:
    """Raise BadBackup or NotEmpty before writing anything; BadBackup after, if checks fail."""
    manifest = read_manifest(folder)
    if manifest.backend != backend_of(database_url):
        raise BadBackup(f"a {manifest.backend} backup cannot go into {backend_of(database_url)}")
    saved = parse_keys((folder / KEY_FILE).read_text())
    installed = None
    if data_key is not None or key_file(data_dir).exists():
        in_use = parse_keys(data_key or key_file(data_dir).read_text())
        if not set(in_use) & set(saved):
            raise BadBackup(
                f"the key in use is not this backup's: use {folder / KEY_FILE} "
                "(as DATA_KEY, or as DATA_DIR/data.key)"
            )
    if not await is_empty(database_url):
        if not force:
            raise NotEmpty
        await wipe(database_url)
    await load(database_url, folder / manifest.database)
    if data_key is None and not key_file(data_dir).exists():
        installed = key_file(data_dir)
        write_keys(installed, saved)
        in_use = saved
    revision, counts = await database_counts(database_url)
    if (revision, counts) != (manifest.revision, manifest.counts):
        raise BadBackup("the restored database differs from the manifest (revision or rows)")
    return Restored(manifest, await _read_every_nik(database_url, Cipher(in_use)), installed)


async def _read_every_nik(url: str, cipher: Cipher) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            tokens = (
                await connection.scalars(
                    text("SELECT nik_encrypted FROM cases WHERE nik_encrypted IS NOT NULL")
                )
            ).all()
    finally:
        await engine.dispose()
    try:
        for token in tokens:
            cipher.decrypt(token)
    except ValueError:
        raise BadBackup("the key does not read every NIK of the restored database") from None
    return len(tokens)
