"""Rotating the data key: resumable, refused while the bot runs, every NIK readable after."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import web
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.cases.repeats import cases_with_index
from bot.privacy import keys
from bot.privacy.crypto import Cipher, load_cipher, parse_keys
from bot.runtime.standby import lock_key
from storage.audit import AuditEntry
from storage.cases import Case
from storage.conversations import ConversationDraft
from storage.db import create_engine, create_sessions
from tests.cli import free_port, run_cli
from tests.factories import START, add_rows, fetch
from tests.privacy.nik_cases import NIKS, PSM, cases_with_niks

TOKEN = "123456:ROTATE"


class Killed(Exception):
    """Stands for kill -9 halfway through a batch."""


def key_lines(data_dir: Path) -> list[bytes]:
    return parse_keys((data_dir / "data.key").read_text())


async def test_rotate_key_interrupted_halfway_then_resumed_leaves_every_nik_readable(
    schema: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    old = load_cipher(None, data_dir)
    [old_key] = old.keys
    ids = await cases_with_niks(schema, old)
    draft = {"name": "Mak Onah", "nik_token": old.encrypt(NIKS[0])}
    await add_rows(
        schema,
        ConversationDraft(
            telegram_id=PSM,
            chat_id=PSM,
            conversation="report",
            step=3,
            data=draft,
            started_at=START,
            updated_at=START,
        ),
    )
    engine = create_engine(schema)
    sessions = create_sessions(engine)

    started = keys.start_rotation(None, data_dir)
    assert key_lines(data_dir) == started.keys and started.keys[1] == old_key
    rotate, calls = Cipher.rotate, []

    def dies_on_the_fourth(self: Cipher, token: str) -> str:
        calls.append(token)
        if len(calls) == 4:
            raise Killed()
        return rotate(self, token)

    monkeypatch.setattr(Cipher, "rotate", dies_on_the_fourth)
    with pytest.raises(Killed):
        await keys.reencrypt(sessions, started, batch=2)
    monkeypatch.setattr(Cipher, "rotate", rotate)

    # The bot restarted now reads every NIK and finds every person, half rotated as it is.
    restarted = load_cipher(None, data_dir)
    cases = {case.id: case for case in await fetch(schema, Case)}
    assert sum(restarted.is_current(c.nik_encrypted or "") for c in cases.values()) == 2
    async with sessions() as session:
        for case_id, nik in zip(ids, NIKS, strict=True):
            assert restarted.decrypt(cases[case_id].nik_encrypted or "") == nik
            found = await cases_with_index(session, restarted.indexes(nik))
            assert [case.id for case in found] == [case_id]

    resumed = keys.start_rotation(None, data_dir)
    assert resumed.keys == started.keys, "resuming makes no third key"
    done = await keys.reencrypt(sessions, resumed, batch=2)
    assert (done.cases, done.drafts) == (3, 1)
    retired = await keys.finish_rotation(
        sessions, resumed, None, data_dir, done, datetime(2026, 12, 1, tzinfo=UTC)
    )
    await engine.dispose()

    final = load_cipher(None, data_dir)
    assert final.keys == started.keys[:1] and not final.rotating
    assert retired is not None and parse_keys(retired.read_text()) == [old_key]
    for case in await fetch(schema, Case):
        nik = NIKS[ids.index(case.id)]
        assert final.decrypt(case.nik_encrypted or "") == nik
        assert case.nik_index == final.index(nik) != old.index(nik)
        with pytest.raises(InvalidToken):
            Fernet(old_key).decrypt((case.nik_encrypted or "").encode())
    [row] = await fetch(schema, ConversationDraft)
    assert final.decrypt(row.data["nik_token"]) == NIKS[0] and row.data["name"] == "Mak Onah"
    [audited] = await fetch(schema, AuditEntry, action="key.rotate")
    assert audited.detail["total"] == 5


@pytest.mark.process
async def test_psm_bot_rotate_key_rotates_the_key_file(tmp_path: Path, database_url: str) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    data_dir = tmp_path / "data"
    [old_key] = key_lines(data_dir)
    await cases_with_niks(database_url, Cipher([old_key]))

    done = await run_cli(tmp_path, "rotate-key", DATABASE_URL=database_url, BOT_TOKEN=TOKEN)
    assert done.code == 0, done.stdout + done.stderr
    assert "re-encrypted 5 case NIK(s)" in done.stdout and "data.key.retired-" in done.stdout
    [new_key] = key_lines(data_dir)
    assert new_key != old_key
    assert [p.name.startswith("data.key.retired-") for p in data_dir.glob("data.key.*")] == [True]
    for case in await fetch(database_url, Case):
        assert Cipher([new_key]).decrypt(case.nik_encrypted or "") in NIKS


@pytest.mark.process
async def test_with_data_key_the_operator_puts_the_new_key_first(
    tmp_path: Path, database_url: str
) -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    assert (
        await run_cli(tmp_path, "migrate", DATABASE_URL=database_url, DATA_KEY=old_key)
    ).code == 0
    await cases_with_niks(database_url, Cipher([old_key.encode()]))

    asked = await run_cli(tmp_path, "rotate-key", DATABASE_URL=database_url, DATA_KEY=old_key)
    assert asked.code == 2 and "DATA_KEY=" in asked.stdout and "nothing has changed" in asked.stdout
    [case, *_] = await fetch(database_url, Case)
    assert Cipher([old_key.encode()]).is_current(case.nik_encrypted or "")

    both = f"{new_key},{old_key}"
    done = await run_cli(tmp_path, "rotate-key", DATABASE_URL=database_url, DATA_KEY=both)
    assert done.code == 0 and "remove the old key" in done.stdout
    only_new = Cipher([new_key.encode()])
    assert all(
        only_new.decrypt(c.nik_encrypted or "") in NIKS for c in await fetch(database_url, Case)
    )


@pytest.mark.process
async def test_rotate_key_refuses_while_the_bot_runs(tmp_path: Path, database_url: str) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    before = key_lines(tmp_path / "data")
    port = free_port()
    async with _a_running_bot(database_url, port):
        refused = await run_cli(
            tmp_path,
            "rotate-key",
            DATABASE_URL=database_url,
            BOT_TOKEN=TOKEN,
            HEALTH_PORT=str(port),
        )
    assert refused.code == 1 and "the bot is running" in refused.stdout
    assert key_lines(tmp_path / "data") == before


class _a_running_bot:
    """What a running bot looks like from outside: its active lock (PostgreSQL) or /healthz."""

    def __init__(self, url: str, port: int) -> None:
        self.url, self.port = url, port

    async def __aenter__(self) -> None:
        if make_url(self.url).get_backend_name() == "postgresql":
            self.engine = create_engine(self.url)
            self.connection = await self.engine.connect()
            await self.connection.execute(
                text("SELECT pg_advisory_lock(:k)"), {"k": lock_key(TOKEN)}
            )
            return

        async def unhealthy(_: web.Request) -> web.Response:
            return web.json_response({}, status=503)

        app = web.Application()
        app.router.add_get("/healthz", unhealthy)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def __aexit__(self, *exc: object) -> None:
        if make_url(self.url).get_backend_name() == "postgresql":
            await self.connection.close()
            await self.engine.dispose()
        else:
            await self.runner.cleanup()
