"""Health for operators: /healthz of the running bot and `psm-bot status` on the command line."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from bot.operations.checks import check
from bot.runtime.health import HealthState, Mode, Role
from bot.sandbox.telegram import FakeTelegramServer
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxMessage
from storage.people import Role as UserRole
from tests.cli import BotProcess, free_port, run_cli
from tests.factories import add_user

pytestmark = pytest.mark.slow


@pytest.fixture
async def running_bot(
    telegram: FakeTelegramServer, database_url: str, tmp_path: Path
) -> AsyncIterator[dict[str, str]]:
    """`psm-bot run` (long polling) with /healthz on a port of its own; yields its settings."""
    settings = {
        "BOT_TOKEN": telegram.token,
        "BOT_API_BASE_URL": telegram.base_url,
        "DATABASE_URL": database_url,
        "HEALTH_PORT": str(free_port()),
    }
    bot = await BotProcess.start(tmp_path, "run", **settings)
    try:
        await bot.line_with("Application started")
        yield settings
    finally:
        assert await bot.stop() == 0, "".join(bot.output)[-3000:]


async def healthz(port: str) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        return response.status, json.loads(await response.text())


async def test_healthz_reports_an_active_polling_bot(running_bot: dict[str, str]) -> None:
    status, report = await healthz(running_bot["HEALTH_PORT"])
    assert status == 200 and report["healthy"] is True and report["problems"] == []
    assert (report["role"], report["mode"]) == ("active", "polling")
    assert report["database"] == {"reachable": True, "error": None}
    assert report["outbox"] == {"due": 0, "oldest_due": None}
    last_call = datetime.fromisoformat(str(report["last_bot_api_success"]))
    assert datetime.now(UTC) - last_call < timedelta(seconds=30)


async def test_status_prints_the_running_bots_health(
    running_bot: dict[str, str], tmp_path: Path
) -> None:
    done = await run_cli(tmp_path, "status", **running_bot)
    assert done.code == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "psm-bot: active (polling), healthy"
    assert lines[1] == "database: reachable"
    assert lines[2].startswith("last successful Bot API call: ") and " s ago)" in lines[2]
    assert lines[3] == "outbox: 0 message(s) due"


async def test_status_without_a_running_bot_still_checks_the_database(
    tmp_path: Path, database_url: str
) -> None:
    await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)
    done = await run_cli(
        tmp_path, "status", DATABASE_URL=database_url, HEALTH_PORT=str(free_port())
    )
    assert done.code == 3, done.stdout + done.stderr
    assert "no running bot to ask (nothing answered on 127.0.0.1:" in done.stdout
    assert "psm-bot: not running" in done.stdout and "database: reachable" in done.stdout


async def test_status_names_an_unreachable_database(tmp_path: Path) -> None:
    done = await run_cli(
        tmp_path, "status", DATABASE_URL="postgresql+asyncpg://postgres@127.0.0.1:1/none"
    )
    assert done.code == 3
    assert "database: UNREACHABLE" in done.stdout and "Traceback" not in done.stderr


async def test_a_due_message_left_for_long_makes_the_bot_unhealthy(schema: str) -> None:
    await add_user(schema, 1001, UserRole.PSM)
    engine = create_engine(schema)
    sessions = create_sessions(engine)
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        session.add(
            OutboxMessage(
                kind="broadcast", campaign_id=1, user_id=1, chat_id=1001, payload={"text": "x"},
                not_before=now - timedelta(minutes=20),
            )
        )  # fmt: skip
    state = HealthState(Mode.POLLING, Role.ACTIVE, last_api_success=now)
    health = await check(sessions, state)
    await engine.dispose()
    assert health.outbox_due == 1
    assert health.problems == ["outbox: a message has been due for over 15 minutes"]


async def test_a_polling_bot_that_lost_telegram_is_unhealthy_but_a_standby_is_not(
    schema: str,
) -> None:
    engine = create_engine(schema)
    sessions = create_sessions(engine)
    silent_since = datetime.now(UTC) - timedelta(minutes=5)
    active = await check(sessions, HealthState(Mode.POLLING, Role.ACTIVE, silent_since))
    standby = await check(sessions, HealthState(Mode.POLLING, Role.STANDBY, None))
    quiet_webhook = await check(sessions, HealthState(Mode.WEBHOOK, Role.ACTIVE, silent_since))
    await engine.dispose()
    assert active.problems == ["no successful Bot API call for over two minutes"]
    assert standby.healthy and quiet_webhook.healthy


async def test_status_says_when_health_is_switched_off(tmp_path: Path, schema: str) -> None:
    done = await run_cli(tmp_path, "status", DATABASE_URL=schema, HEALTH_PORT="0")
    assert done.code == 3 and "HEALTH_PORT is 0" in done.stdout


async def test_a_second_instance_reports_standby(
    running_bot: dict[str, str], tmp_path: Path, database_url: str
) -> None:
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("standby needs PostgreSQL (TEST_DATABASE_URL)")
    second = {**running_bot, "HEALTH_PORT": str(free_port())}
    standby = await BotProcess.start(tmp_path, "run", **second)
    try:
        await standby.line_with("standing by")
        done = await run_cli(tmp_path, "status", **second)
        assert done.code == 0, done.stdout
        assert done.stdout.startswith("psm-bot: standby (polling), healthy")
        assert "last successful Bot API call: none yet" in done.stdout
    finally:
        await standby.stop()  # a standby has nothing to flush: SIGTERM simply ends it
