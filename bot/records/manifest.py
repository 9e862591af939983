"""A backup's manifest: what it holds (schema revision, rows per table) and checksums of its files.

A restore reads it first and refuses a folder whose files changed since, then compares the
restored database with it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT = 1


class BadBackup(Exception):
    """The folder is not a whole, unchanged backup; the message says what is wrong."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    backend: str  # "sqlite" or "postgresql"
    database: str  # the file holding the database, in the folder
    revision: str | None
    counts: dict[str, int]
    checksums: dict[str, str]  # file name -> sha256
    format: int = FORMAT


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(folder: Path, manifest: Manifest) -> None:
    path = folder / MANIFEST
    path.write_text(json.dumps(asdict(manifest), indent=2, sort_keys=True) + "\n")
    path.chmod(0o600)


def read_manifest(folder: Path) -> Manifest:
    """The manifest of `folder`, once every file it lists has its recorded checksum."""
    path = folder / MANIFEST
    if not path.is_file():
        raise BadBackup(f"no {MANIFEST} in {folder}: not a psm-bot backup")
    try:
        manifest = Manifest(**json.loads(path.read_text()))
    except (ValueError, TypeError) as exc:
        raise BadBackup(f"{path} is damaged ({type(exc).__name__})") from None
    if manifest.format != FORMAT:
        raise BadBackup(f"backup format {manifest.format}: made by another version of psm-bot")
    for name, expected in manifest.checksums.items():
        if not (folder / name).is_file():
            raise BadBackup(f"{name} is missing from {folder}")
        if sha256(folder / name) != expected:
            raise BadBackup(f"{name} changed since the backup was made (checksum differs)")
    return manifest
