"""The restore drill: back up a bot in use, lose everything, restore, and carry on where it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bot.delivery import Payload, enqueue
from bot.runtime.clock import FixedClock
from bot.runtime.context import cipher_of
from bot.runtime.settings import load_settings
from bot.sandbox.telegram import FakeTelegramServer
from storage.audit import AuditEntry
from storage.cases import Case, CasePhoto
from storage.db import create_engine, create_sessions
from storage.people import User
from tests.cli import run_cli
from tests.conftest import ADMIN_ID
from tests.factories import START, add_rows, fetch
from tests.harness import BotHarness
from tests.privacy.nik_cases import NIKS, PSM, cases_with_niks

pytestmark = pytest.mark.slow
PENDING = "Undangan bimtek Kamis"


async def seed(url: str, harness: BotHarness) -> None:
    """Cases with NIKs and a photo, a report half-written, and messages waiting in the outbox."""
    [first, *_] = await cases_with_niks(url, cipher_of(harness.settings))
    await add_rows(
        url, CasePhoto(case_id=first, file_id="photo-1", file_unique_id="u-1", added_at=START)
    )
    reply = await harness.user(PSM).send("/lapor")
    assert reply.says("report-ask-category-group")
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        psm = list(await session.scalars(select(User)))
        await enqueue(
            session, kind="case_alert", campaign_id=1, recipients=psm,
            payload=Payload(PENDING), not_before=START,
        )  # fmt: skip
    await engine.dispose()


async def lose_everything(url: str, data_dir: Path) -> None:
    shutil.rmtree(data_dir)
    if make_url(url).get_backend_name() == "postgresql":
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
        return
    remove_sqlite(Path(make_url(url).database or ""))


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def test_a_restored_backup_answers_reads_every_nik_resumes_the_draft_and_sends_once(
    tmp_path: Path, database_url: str, telegram: FakeTelegramServer, clock: FixedClock
) -> None:
    env = {"DATABASE_URL": database_url}
    assert (await run_cli(tmp_path, "migrate", **env)).code == 0
    settings = load_settings(
        _env_file=None, bot_token=telegram.token, bot_api_base_url=telegram.base_url,
        bot_api_base_file_url=telegram.base_file_url, database_url=database_url,
        data_dir=tmp_path / "data", admin_ids=[ADMIN_ID], outbox_tick_seconds=3600,
    )  # fmt: skip
    before = BotHarness(telegram, settings, clock)
    await before.start()
    await seed(database_url, before)
    await before.stop()

    made = await run_cli(tmp_path, "backup", "--to", str(tmp_path / "copies"), **env)
    assert made.code == 0, made.stdout + made.stderr
    [folder] = (tmp_path / "copies").iterdir()
    await lose_everything(database_url, tmp_path / "data")
    restored = await run_cli(tmp_path, "restore", str(folder), **env)
    assert restored.code == 0, restored.stdout + restored.stderr
    assert "5 NIK(s) read" in restored.stdout

    after = BotHarness(telegram, settings, clock)
    await after.start()
    try:
        chat = after.user(PSM)
        assert (await chat.tap("Anak")).says("report-ask-category")
        await after.deliver()
        await after.deliver()
    finally:
        await after.stop()
    cipher = cipher_of(settings)
    cases = await fetch(database_url, Case)
    assert sorted(cipher.decrypt(c.nik_encrypted or "") for c in cases) == NIKS
    assert [p.file_id for p in await fetch(database_url, CasePhoto)] == ["photo-1"]
    assert [m["text"] for m in telegram.sent_to(PSM)].count(PENDING) == 1
    actions = [a.action for a in await fetch(database_url, AuditEntry)]
    assert actions[-1] == "data.restore"


async def test_restore_refuses_a_database_in_use_a_changed_backup_and_a_foreign_key(
    tmp_path: Path, database_url: str
) -> None:
    env = {"DATABASE_URL": database_url}
    assert (await run_cli(tmp_path, "migrate", **env)).code == 0
    assert (await run_cli(tmp_path, "backup", "--to", str(tmp_path / "copies"), **env)).code == 0
    [folder] = (tmp_path / "copies").iterdir()

    in_use = await run_cli(tmp_path, "restore", str(folder), **env)
    assert in_use.code == 1 and "--force" in in_use.stdout
    forced = await run_cli(tmp_path, "restore", str(folder), "--force", **env)
    assert forced.code == 0, forced.stdout + forced.stderr

    other = tmp_path / "other"
    other.mkdir()
    foreign = await run_cli(other, "restore", str(folder), "--force", **env, DATA_KEY=NEW_KEY)
    assert foreign.code == 1 and "not this backup's" in foreign.stdout
    with (folder / "manifest.json").open("a") as manifest:
        manifest.write(" ")
    database = folder / ("psm-bot.dump" if "postgresql" in database_url else "psm-bot.db")
    database.write_bytes(database.read_bytes() + b"x")
    changed = await run_cli(tmp_path, "restore", str(folder), "--force", **env)
    assert changed.code == 1 and "checksum differs" in changed.stdout


NEW_KEY = "0" * 43 + "="
