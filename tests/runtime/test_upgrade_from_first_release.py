"""A database made by the first release, with people and cases in it, upgraded by today's
`psm-bot migrate` and then used by today's bot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from bot.privacy.crypto import load_cipher
from bot.runtime.clock import FixedClock
from bot.runtime.settings import load_settings
from bot.sandbox.telegram import FakeTelegramServer
from storage.cases import Case
from storage.db import create_engine
from storage.migrate import alembic_config
from tests.cli import run_cli
from tests.conftest import ADMIN_ID
from tests.factories import START, fetch
from tests.harness import BotHarness
from tests.privacy.nik_cases import NIKS

pytestmark = pytest.mark.slow
PSM, NUMBER = 1001, "TNG-2026-00001"


async def first_release_with_data(url: str, data_dir: Path) -> None:
    """The oldest schema (0001) and rows as that release wrote them, NIK encrypted."""
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0001")
    token = load_cipher(None, data_dir).encrypt(NIKS[0])
    rows = {"at": START, "token": token, "draft": json.dumps({"draft": {"id": "d-9"}})}
    engine = create_engine(url)
    async with engine.begin() as connection:
        for statement in (
            "INSERT INTO users (telegram_id, full_name, role, status, kelurahan_code,"
            " kecamatan_code, created_at) VALUES (1001, 'Lutpiah', 'psm', 'active',"
            " '3671011001', '367101', :at)",
            "INSERT INTO cases (number, draft_id, reporter_id, category_code, beneficiary_name,"
            " nik_encrypted, nik_masked, sex, kecamatan_code, kelurahan_code, address,"
            " description, urgency, status, created_at, updated_at, last_activity_at,"
            " nudges_unanswered) VALUES ('TNG-2026-00001', 'd1',"
            " (SELECT id FROM users WHERE telegram_id = 1001), 8, 'Mak Onah', :token,"
            " '367101••••••••01', 'P', '367101', '3671011001', 'Jl. Merdeka', 'Nenek sendirian',"
            " 'sedang', 'baru', :at, :at, :at, 0)",
            "INSERT INTO ptb_user_data (user_id, data) VALUES (1001, :draft)",
        ):
            await connection.execute(text(statement), rows)
    await engine.dispose()


async def test_todays_bot_works_on_a_database_of_the_first_release_after_migrate(
    tmp_path: Path, database_url: str, telegram: FakeTelegramServer, clock: FixedClock
) -> None:
    await first_release_with_data(database_url, tmp_path / "data")
    migrated = await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)
    assert migrated.code == 0, migrated.stdout + migrated.stderr
    settings = load_settings(
        _env_file=None, bot_token=telegram.token, bot_api_base_url=telegram.base_url,
        bot_api_base_file_url=telegram.base_file_url, database_url=database_url,
        data_dir=tmp_path / "data", admin_ids=[ADMIN_ID], outbox_tick_seconds=3600,
    )  # fmt: skip
    harness = BotHarness(telegram, settings, clock)
    await harness.start()
    try:
        chat = harness.user(PSM)
        listing = await chat.send("/kasus")
        assert listing.says("cases-list", total=1, page=1, pages=1)
        detail = await chat.tap(listing.buttons[0])
        assert detail.says("case-detail", number=NUMBER, name="Mak Onah", reporter="Lutpiah")
        assert (await chat.send("/lapor")).says("report-ask-category-group")
    finally:
        await harness.stop()
    [case] = await fetch(database_url, Case)
    assert case.nik_index == load_cipher(None, tmp_path / "data").index(NIKS[0])
