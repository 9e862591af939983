"""The bot started as an operator starts it (`python -m bot run`), used as a PSM uses it."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.sandbox.telegram.fake_user import FakeUser
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.cases import Case
from tests.cli import cli_env, run_cli
from tests.factories import fetch
from tests.texts import said, said_pattern

pytestmark = pytest.mark.process

PSM_ID = 1001


@pytest.fixture
async def bot_process(
    telegram: FakeTelegramServer, database_url: str, tmp_path: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    roster = tmp_path / "roster.csv"
    roster.write_text("nama,telepon,kelurahan,peran\nLutpiah,081234567890,Sukarasa,psm\n")
    settings = {
        "DATABASE_URL": database_url,
        "BOT_TOKEN": telegram.token,
        "BOT_API_BASE_URL": telegram.base_url,
        "ADMIN_IDS": "900001",
    }
    assert (await run_cli(tmp_path, "import-roster", str(roster), **settings)).code == 0
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env=cli_env(tmp_path, **settings),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    yield process
    if process.returncode is None:
        process.kill()
        await process.wait()


async def answer(
    telegram: FakeTelegramServer, action: Callable[[], int], key: str, **args: object
) -> dict:  # type: ignore[type-arg]
    """Do one user action and wait for the bot's next message saying the catalog text `key`."""
    expect: re.Pattern[str] = said_pattern(key, **args)
    seen = len(telegram.sent_to(PSM_ID))
    action()
    for _ in range(200):
        fresh = telegram.sent_to(PSM_ID)[seen:]
        if any(expect.search(m.get("text") or "") for m in fresh):
            return fresh[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no reply saying {key!r}; got {fresh}")


async def test_operator_starts_the_bot_and_a_psm_reports_a_case(
    bot_process: asyncio.subprocess.Process, telegram: FakeTelegramServer, database_url: str
) -> None:
    user = FakeUser(telegram, PSM_ID, "Lutpiah")
    own = said("button-my-kelurahan", kelurahan="Sukarasa")
    await answer(telegram, lambda: user.send_text("/start"), "signup-ask-contact")
    await answer(
        telegram, lambda: user.send_contact("6281234567890"), "signup-activated-psm", name="Lutpiah"
    )
    menu = await answer(telegram, lambda: user.send_text("/lapor"), "report-ask-category-group")
    menu = await answer(telegram, lambda: user.click(menu, "Anak"), "report-ask-category")
    await answer(telegram, lambda: user.click(menu, "Anak Telantar"), "report-ask-name")
    await answer(telegram, lambda: user.send_text("Dodi"), "report-ask-nik")
    menu = await answer(
        telegram, lambda: user.send_text("3671011208150002"), "report-ask-kecamatan"
    )
    await answer(telegram, lambda: user.click(menu, own), "report-ask-address")
    await answer(
        telegram, lambda: user.send_text("Jl. Kisamaun 10 RT 01/02"), "report-ask-location"
    )
    await answer(telegram, lambda: user.send_location(-6.178, 106.63), "report-ask-description")
    menu = await answer(
        telegram,
        lambda: user.send_text("Ditinggal orang tua, tidur di pasar."),
        "report-ask-urgency",
    )
    menu = await answer(telegram, lambda: user.click(menu, "Tinggi"), "report-ask-photos")
    menu = await answer(telegram, lambda: user.send_photo(), "report-photo-added", count=1)
    review = await answer(
        telegram, lambda: user.click(menu, "Selesai"), "report-review", name="Dodi"
    )
    saved = await answer(
        telegram, lambda: user.click(review, said("button-submit")), "report-saved"
    )

    bot_process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(bot_process.wait(), 20) == 0
    [case] = await fetch(database_url, Case)
    assert case.number in saved["text"] and case.beneficiary_name == "Dodi"
    assert case.sex == "L" and len(case.photos) == 1 and case.latitude == pytest.approx(-6.178)
    commands = [r.params for r in telegram.requests if r.method == "setMyCommands"]
    assert {c.get("language_code") for c in commands} == {None, "id", "en"}
