"""A backup keeps the database and its key together; the migration indexes existing NIKs."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.privacy.crypto import Cipher, load_cipher, parse_keys
from storage.audit import AuditEntry
from storage.cases import Case
from storage.db import create_engine
from storage.migrate import alembic_config
from tests.cli import run_cli
from tests.factories import fetch
from tests.privacy.nik_cases import NIKS, cases_with_niks


@pytest.mark.process
async def test_backup_copies_the_database_consistently_with_its_key(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    await cases_with_niks(database_url, load_cipher(None, tmp_path / "data"))
    made = await run_cli(
        tmp_path, "backup", "--to", str(tmp_path / "copies"), DATABASE_URL=database_url
    )
    assert made.code == 0, made.stdout + made.stderr
    [folder] = (tmp_path / "copies").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["counts"]["cases"] == 5 and manifest["revision"] is not None
    assert (folder / "data.key").stat().st_mode & 0o077 == 0
    assert [a.action for a in await fetch(database_url, AuditEntry)] == ["data.backup"]
    if make_url(database_url).get_backend_name() == "postgresql":
        return  # the restore drill reads a dump back (tests/operations/test_restore_drill.py)
    copy = sqlite3.connect(folder / "psm-bot.db")
    tokens = [row[0] for row in copy.execute("SELECT nik_encrypted FROM cases")]
    copy.close()
    key = parse_keys((folder / "data.key").read_text())
    assert sorted(Cipher(key).decrypt(token) for token in tokens) == NIKS


async def test_with_data_key_the_backup_still_holds_the_key(
    tmp_path: Path, database_url: str
) -> None:
    key = Fernet.generate_key().decode()
    env = {"DATABASE_URL": database_url, "DATA_KEY": key}
    assert (await run_cli(tmp_path, "migrate", **env)).code == 0
    made = await run_cli(tmp_path, "backup", "--to", str(tmp_path / "copies"), **env)
    assert made.code == 0 and key not in made.stdout + made.stderr
    [folder] = (tmp_path / "copies").iterdir()
    assert parse_keys((folder / "data.key").read_text()) == [key.encode()]


async def test_backups_older_than_backup_keep_days_are_removed(
    tmp_path: Path, database_url: str
) -> None:
    copies = tmp_path / "copies"
    for old in ("psm-bot-20000101-000000", "psm-bot-20000102-000000", "notes"):
        (copies / old).mkdir(parents=True)
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    made = await run_cli(
        tmp_path, "backup", "--to", str(copies), DATABASE_URL=database_url, BACKUP_KEEP_DAYS="7"
    )
    assert made.code == 0 and made.stdout.count("removed ") == 2
    kept = sorted(p.name for p in copies.iterdir())
    assert kept[0] == "notes" and len(kept) == 2 and kept[1].startswith("psm-bot-20")


async def test_the_migration_fills_the_nik_index_of_existing_cases(
    tmp_path: Path, database_url: str
) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(database_url), "0002")
    cipher = load_cipher(None, tmp_path)
    engine = create_engine(database_url)
    at = datetime(2026, 1, 5, tzinfo=UTC)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO users (id, telegram_id, full_name, role, status, created_at) "
                "VALUES (1, 1001, 'Lutpiah', 'psm', 'active', :at)"
            ),
            {"at": at},
        )
        await connection.execute(
            text(
                "INSERT INTO cases (number, draft_id, reporter_id, category_code, beneficiary_name,"
                " nik_encrypted, sex, kecamatan_code, kelurahan_code, address, description,"
                " urgency, status, created_at, updated_at, last_activity_at, nudges_unanswered)"
                " VALUES ('TNG-2026-00001', 'd1', 1, 8, 'Mak Onah', :token, 'P', '367101',"
                " '3671011001', 'Jl. Merdeka', 'Nenek sendirian', 'sedang', 'baru',"
                " :at, :at, :at, 0)"
            ),
            {"token": cipher.encrypt(NIKS[0]), "at": at},
        )
    await engine.dispose()
    config = alembic_config(database_url, cipher.index_of_token)
    await asyncio.to_thread(command.upgrade, config, "head")
    [case] = await fetch(database_url, Case)
    assert case.nik_index == cipher.index(NIKS[0])


async def test_a_backup_of_a_database_that_is_not_there_fails_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'nowhere.db'}"
    made = await run_cli(tmp_path, "backup", "--to", str(tmp_path / "copies"), DATABASE_URL=url)
    assert made.code == 1 and "no database at" in made.stdout
    assert not (tmp_path / "nowhere.db").exists() and list((tmp_path / "copies").iterdir()) == []
