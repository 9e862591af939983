"""What an operator meets on the command line: clear errors, migrations, roster import."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.db import create_engine
from storage.people import RosterEntry
from storage.tables import Base
from tests.cli import run_cli
from tests.factories import fetch

pytestmark = pytest.mark.process  # every test runs `python -m bot`


async def test_webhook_without_token_says_what_to_set(tmp_path: Path, database_url: str) -> None:
    # Without a token `run` opens the sandbox (tests/sandbox); a webhook is meant for Telegram.
    done = await run_cli(
        tmp_path,
        "run",
        DATABASE_URL=database_url,
        WEBHOOK_URL="https://bot.example.go.id/telegram",
        WEBHOOK_SECRET_TOKEN="s3cret",
    )
    assert done.code == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: BOT_TOKEN is not set: put BOT_TOKEN=<token from @BotFather>")


async def test_webhook_needs_https_and_a_secret(tmp_path: Path) -> None:
    plain = await run_cli(tmp_path, "run", BOT_TOKEN="1:x", WEBHOOK_URL="http://bot.example.go.id")
    assert plain.code == 2 and "error: WEBHOOK_URL must be an https:// address" in plain.stderr
    open_door = await run_cli(
        tmp_path, "run", BOT_TOKEN="1:x", WEBHOOK_URL="https://bot.example.go.id/telegram"
    )
    assert open_door.code == 2 and "error: WEBHOOK_SECRET_TOKEN must be set" in open_door.stderr


async def test_a_token_telegram_refuses_stops_the_bot_with_a_clear_error(
    tmp_path: Path, database_url: str
) -> None:
    telegram = FakeTelegramServer()  # not the fixture: its refusal is what this test is about
    await telegram.start()
    try:
        done = await run_cli(
            tmp_path,
            "run",
            DATABASE_URL=database_url,
            BOT_TOKEN="123456:REVOKED",
            BOT_API_BASE_URL=telegram.base_url,
        )
    finally:
        await telegram.stop()
    assert [r.error for r in telegram.rejected] == ["Unauthorized"]
    assert done.code == 2 and "Traceback" not in done.stderr
    assert "error: Telegram refused BOT_TOKEN: check it with @BotFather" in done.stderr


async def test_bad_setting_names_its_key_without_traceback(tmp_path: Path) -> None:
    done = await run_cli(tmp_path, "migrate", TIMEZONE="Asia/Jakartaa")
    assert done.code == 2 and "TIMEZONE" in done.stderr and "Traceback" not in done.stderr


async def test_migrations_build_exactly_the_models_schema(
    tmp_path: Path, database_url: str
) -> None:
    done = await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)
    assert done.code == 0, done.stderr
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    await engine.dispose()
    assert diff == []


async def test_roster_import_with_a_bad_row_imports_nothing(
    tmp_path: Path, database_url: str
) -> None:
    await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "nama,telepon,kelurahan,kecamatan,peran\n"
        "Lutpiah,0812-3456-7890,Batuceper,,psm\n"
        "Rina,12345,Sukarasa,,psm\n"
        "Budi,081311112222,Kelurahan Entah,,psm\n",
        encoding="utf-8",
    )
    done = await run_cli(tmp_path, "import-roster", str(roster), DATABASE_URL=database_url)
    assert done.code == 1
    assert "line 3: phone '12345'" in done.stderr and "line 4: unknown kelurahan" in done.stderr
    assert "nothing was imported" in done.stderr
    assert await fetch(database_url, RosterEntry) == []


async def test_roster_import_reads_a_spreadsheet_export(tmp_path: Path, database_url: str) -> None:
    roster = tmp_path / "roster.csv"
    # Excel in Indonesia exports with a BOM and semicolons; names use 2022 spellings too.
    roster.write_text(
        "\ufeffNama;Telepon;Kelurahan;Kecamatan;Peran\n"
        "Lutpiah;+62 812 3456 7890;Batujaya;Batuceper;PSM\n"
        'Pak Budi;0857-1111-2222;;"Tangerang; Cipondoh";koordinator\n',
        encoding="utf-8",
    )
    done = await run_cli(tmp_path, "import-roster", str(roster), DATABASE_URL=database_url)
    assert done.code == 0, done.stderr
    assert "imported 2" in done.stdout
    entries = {e.full_name: e for e in await fetch(database_url, RosterEntry)}
    assert entries["Lutpiah"].kelurahan_code == "3671031002"
    assert entries["Pak Budi"].kecamatan_codes == ["367101", "367105"]
    assert entries["Pak Budi"].phone == "+6285711112222"
