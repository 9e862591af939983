"""`psm-bot doctor` names each problem of a configuration on a line of its own, with the fix."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.privacy.crypto import load_cipher
from bot.sandbox.telegram import FakeTelegramServer
from tests.cli import free_port, run_cli
from tests.privacy.nik_cases import cases_with_niks

pytestmark = pytest.mark.slow


@pytest.fixture
async def good(tmp_path: Path, database_url: str, telegram: FakeTelegramServer) -> dict[str, str]:
    """A migrated database with encrypted NIKs and the settings that run a bot on it."""
    settings = {
        "DATABASE_URL": database_url,
        "BOT_TOKEN": telegram.token,
        "BOT_API_BASE_URL": telegram.base_url,
        "HEALTH_PORT": str(free_port()),
    }
    assert (await run_cli(tmp_path, "migrate", **settings)).code == 0
    await cases_with_niks(database_url, load_cipher(None, tmp_path / "data"))
    return settings


def failing(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("FAIL")]


async def test_a_good_configuration_passes_every_check(
    tmp_path: Path, good: dict[str, str]
) -> None:
    done = await run_cli(tmp_path, "doctor", "--online", **good)
    assert done.code == 0, done.stdout
    names = [line[6:].split(":")[0] for line in done.stdout.splitlines()[:-1]]
    assert names == [
        "token", "telegram", "database", "data key", "data dir", "updates", "time", "health",
        "disk",
    ]  # fmt: skip
    assert "reads the NIKs in the database" in done.stdout
    assert done.stdout.splitlines()[-1] == "all checks passed"


BROKEN = {
    "token": ({"BOT_TOKEN": "bot 123:abc"}, "FAIL  token:", "@BotFather"),
    "quiet hours": ({"QUIET_HOURS": "25:00-07:00"}, "FAIL  time:", "HH:MM-HH:MM"),
    "disk": ({"MIN_FREE_DISK_MB": "999999999"}, "FAIL  disk:", "free some space"),
    "foreign key": ({"DATA_KEY": Fernet.generate_key().decode()}, "FAIL  data key:", "its backup"),
    "webhook": (
        {
            "WEBHOOK_URL": "https://psm.example.go.id/hook",
            "WEBHOOK_SECRET_TOKEN": "s3cret",
            "WEBHOOK_PORT": "8555",
            "HEALTH_PORT": "8555",
        },
        "FAIL  updates:",
        "own port",
    ),
    "database": (
        {"DATABASE_URL": "postgresql+asyncpg://postgres@127.0.0.1:9/none"},
        "FAIL  database: unreachable",
        "DATABASE_URL",
    ),
}


@pytest.mark.parametrize("broken", BROKEN, ids=list(BROKEN))
async def test_each_broken_setting_fails_its_own_line_with_the_fix(
    tmp_path: Path, good: dict[str, str], broken: str
) -> None:
    change, line, fix = BROKEN[broken]
    done = await run_cli(tmp_path, "doctor", **{**good, **change})
    assert done.code == 1
    [problem] = failing(done.stdout)
    assert problem.startswith(line) and fix in problem


async def test_a_key_file_others_can_read_or_a_lost_key_fail_the_key_check(
    tmp_path: Path, good: dict[str, str]
) -> None:
    key = tmp_path / "data" / "data.key"
    key.chmod(0o644)
    done = await run_cli(tmp_path, "doctor", **good)
    assert done.code == 1 and failing(done.stdout) == [
        f"FAIL  data key: {key} can be read by other users; chmod 600 {key}"
    ]
    key.unlink()
    done = await run_cli(tmp_path, "doctor", **good)
    assert done.code == 1 and "put the key back" in failing(done.stdout)[0]


async def test_a_database_not_migrated_and_a_data_dir_that_is_a_file_are_named(
    tmp_path: Path, database_url: str, telegram: FakeTelegramServer
) -> None:
    (tmp_path / "file").write_text("")
    done = await run_cli(
        tmp_path,
        "doctor",
        DATABASE_URL=database_url,
        BOT_TOKEN=telegram.token,
        DATA_DIR=str(tmp_path / "file" / "data"),
    )
    assert done.code == 1
    database, data_dir = failing(done.stdout)
    assert database.startswith("FAIL  database:") and "psm-bot migrate" in database
    assert data_dir.startswith("FAIL  data dir:")


async def test_a_busy_health_port_and_a_token_telegram_refuses_are_named(
    tmp_path: Path, good: dict[str, str]
) -> None:
    elsewhere = FakeTelegramServer(token="1:another-bot")
    await elsewhere.start()
    try:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", int(good["HEALTH_PORT"])))
            taken.listen()
            done = await run_cli(
                tmp_path, "doctor", "--online", **{**good, "BOT_API_BASE_URL": elsewhere.base_url}
            )
    finally:
        await elsewhere.stop()
    assert [r.error for r in elsewhere.rejected] == ["Unauthorized"]
    assert done.code == 1
    telegram, health = failing(done.stdout)
    assert telegram.startswith("FAIL  telegram: Telegram refused BOT_TOKEN")
    assert health.startswith("FAIL  health:") and "HEALTH_PORT" in health


async def test_run_refuses_to_start_with_the_words_of_doctor(
    tmp_path: Path, good: dict[str, str]
) -> None:
    broken = {**good, "MIN_FREE_DISK_MB": "999999999"}
    checked = await run_cli(tmp_path, "doctor", **broken)
    started = await run_cli(tmp_path, "run", **broken)
    assert started.code == 2
    [refusal] = started.stderr.splitlines()
    # Only the free megabytes may differ between the two moments.
    assert re.sub(r"\d+ MB", "N MB", refusal) == re.sub(
        r"\d+ MB", "N MB", failing(checked.stdout)[0]
    )
