"""A backup keeps the database and its key together; the migration indexes existing NIKs."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.privacy.crypto import Cipher, load_cipher, parse_keys
from storage.audit import AuditEntry
from storage.cases import Case
from storage.db import create_engine
from storage.migrate import alembic_config
from tests.cli import run_cli
from tests.factories import add_case, add_user, fetch
from tests.privacy.reports import give_nik

PSM = 1001
# Five people: the NIKs differ in their serial only.
NIKS = [f"36710152035000{n:02d}" for n in range(1, 6)]
TOKEN = "123456:ROTATE"


class Killed(Exception):
    """Stands for kill -9 halfway through a batch."""


async def _cases_with_niks(url: str, cipher: Cipher) -> list[int]:
    await add_user(url, PSM)
    ids = []
    for number, nik in enumerate(NIKS, start=1):
        case_id = await add_case(url, PSM, number=f"TNG-2026-{number:05d}")
        await give_nik(url, case_id, cipher, nik)
        ids.append(case_id)
    return ids


def key_lines(data_dir: Path) -> list[bytes]:
    return parse_keys((data_dir / "data.key").read_text())


async def test_backup_copies_the_database_consistently_with_its_key(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    await _cases_with_niks(database_url, load_cipher(None, tmp_path / "data"))
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
