"""Started while Telegram is out of reach, the bot waits for it and then works."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from bot.sandbox.telegram.fake_user import FakeUser
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from tests.cli import cli_env, free_port
from tests.texts import said

NEWCOMER = 1001


@pytest.mark.slow
@pytest.mark.process
async def test_bot_started_before_telegram_is_reachable_waits_and_then_answers(
    database_url: str, tmp_path: Path
) -> None:
    port, telegram = free_port(), FakeTelegramServer()
    settings = {
        "DATABASE_URL": database_url,
        "BOT_TOKEN": telegram.token,
        "BOT_API_BASE_URL": f"http://127.0.0.1:{port}/bot",
    }
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "run"),
        cwd=tmp_path,
        env=cli_env(tmp_path, **settings),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        # PTB alone gave up after about 2 s; a second retry proves the bot waits instead.
        log = await asyncio.wait_for(_read_until(process, "try 2 failed, next in 2 s"), 30)
        assert process.returncode is None, "the bot exited while Telegram was unreachable"
        await telegram.start(port)
        FakeUser(telegram, NEWCOMER, "Siti").send_text("/start")
        await telegram.wait_for_message(
            NEWCOMER, lambda m: said("signup-ask-contact") in m["text"], timeout=20
        )
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
        assert process.stderr is not None
        log += (await process.stderr.read()).decode()
        assert "Telegram is not reachable (telegram.error.NetworkError" in log
        assert "try 2 failed, next in 2 s" in log and "Traceback" not in log
        telegram.assert_no_rejections()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await telegram.stop()


async def _read_until(process: asyncio.subprocess.Process, wanted: str) -> str:
    assert process.stderr is not None
    log = ""
    while wanted not in log:
        line = await process.stderr.readline()
        assert line, f"the bot stopped before logging {wanted!r}:\n{log}"
        log += line.decode()
    return log
