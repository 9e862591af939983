"""A backup keeps the database and its key together; the migration indexes existing NIKs."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
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
    if make_url(database_url).get_backend_name() == "postgresql":
        assert made.code == 2 and "pg_dump" in made.stdout
        return
    assert made.code == 0, made.stdout + made.stderr
    [folder] = (tmp_path / "copies").iterdir()
    copy = sqlite3.connect(folder / "psm-bot.db")
    tokens = [row[0] for row in copy.execute("SELECT nik_encrypted FROM cases")]
    copy.close()
    key = parse_keys((folder / "data.key").read_text())
    assert sorted(Cipher(key).decrypt(token) for token in tokens) == NIKS
    assert (folder / "data.key").stat().st_mode & 0o077 == 0
    assert [a.action for a in await fetch(database_url, AuditEntry)] == ["data.backup"]


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
