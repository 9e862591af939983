"""A PSM's report survives `kill -9` after every reply: no acknowledged answer is ever lost."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.telegram.fake_user import FakeUser
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.cases import Case
from tests.cli import cli_env, run_cli
from tests.factories import fetch
from tests.texts import said, said_pattern

# Thirteen starts of a real process: about 30 s alone, twice that beside another xdist worker.
pytestmark = [pytest.mark.slow, pytest.mark.process, pytest.mark.timeout(180)]
PSM_ID = 1001
Message = dict[str, Any]


class Bot:
    """`python -m bot run` as a supervisor would run it: started, killed, started again."""

    def __init__(self, telegram: FakeTelegramServer, cwd: Path, settings: dict[str, str]):
        self.telegram, self.cwd, self.settings = telegram, cwd, settings
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self) -> None:
        polls = self._polls()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            cwd=self.cwd, env=cli_env(self.cwd, **self.settings),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        self.starts += 1
        # Ready once it asks Telegram for updates; a long poll in progress signals nothing yet.
        for _ in range(300):
            if self._polls() > polls:
                return
            await asyncio.sleep(0.1)
        raise AssertionError("the bot did not start polling within 30 s")

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    def _polls(self) -> int:
        return sum(r.method == "getUpdates" for r in self.telegram.requests)


@pytest.fixture
async def bot(
    telegram: FakeTelegramServer, database_url: str, tmp_path: Path
) -> AsyncIterator[Bot]:
    roster = tmp_path / "roster.csv"
    roster.write_text("nama,telepon,kelurahan,peran\nLutpiah,081234567890,Sukarasa,psm\n")
    settings = {
        "DATABASE_URL": database_url,
        "BOT_TOKEN": telegram.token,
        "BOT_API_BASE_URL": telegram.base_url,
        "ADMIN_IDS": "900001",
    }
    assert (await run_cli(tmp_path, "import-roster", str(roster), **settings)).code == 0
    running = Bot(telegram, tmp_path, settings)
    await running.start()
    yield running
    if running.process and running.process.returncode is None:
        await running.kill()


async def reply_to(
    telegram: FakeTelegramServer, action: Callable[[], int], expect: re.Pattern[str]
) -> Message:
    """Do one user action and wait for the bot's message saying `expect` (see said_pattern)."""
    seen = len(telegram.sent_to(PSM_ID))
    action()
    fresh: list[Message] = []

    def says(message: Message) -> bool:
        return expect.search(message.get("text") or "") is not None

    def arrived() -> bool:
        fresh[:] = telegram.sent_to(PSM_ID)[seen:]
        return any(says(m) for m in fresh)

    assert await telegram.signal.wait_until(arrived, 15), f"no {expect.pattern!r} in {fresh}"
    return next(m for m in reversed(fresh) if says(m))


async def test_a_report_killed_after_every_reply_loses_no_answer(
    bot: Bot, telegram: FakeTelegramServer, database_url: str
) -> None:
    user = FakeUser(telegram, PSM_ID, "Lutpiah")
    await reply_to(telegram, lambda: user.send_text("/start"), said_pattern("signup-ask-contact"))
    activated = said_pattern("signup-activated-psm", name="Lutpiah")
    await reply_to(telegram, lambda: user.send_contact("6281234567890"), activated)
    menu: Message = {}

    def tap(label: str) -> Callable[[], int]:
        return lambda: user.click(menu, label)

    steps: list[tuple[Callable[[], int], str]] = [
        (lambda: user.send_text("/lapor"), "report-ask-category-group"),
        (tap("Anak"), "report-ask-category"),
        (tap("Anak Telantar"), "report-ask-name"),
        (lambda: user.send_text("Dodi"), "report-ask-nik"),
        (lambda: user.send_text("3671011208150002"), "report-ask-kecamatan"),
        (tap(said("button-my-kelurahan", kelurahan="Sukarasa")), "report-ask-address"),
        (lambda: user.send_text("Jl. Kisamaun 10 RT 01/02"), "report-ask-location"),
        (lambda: user.send_location(-6.178, 106.63), "report-ask-description"),
        (lambda: user.send_text("Ditinggal orang tua, tidur di pasar."), "report-ask-urgency"),
        (tap("Tinggi"), "report-ask-photos"),
        (lambda: user.send_photo(), "report-photo-added"),
        (tap("Selesai"), "report-review"),
    ]
    for action, key in steps:
        menu = await reply_to(telegram, action, said_pattern(key))
        await bot.kill()
        await bot.start()
    saved = await reply_to(telegram, tap(said("button-submit")), said_pattern("report-saved"))

    assert bot.starts >= 10
    [case] = await fetch(database_url, Case)
    assert case.number in saved["text"] and case.beneficiary_name == "Dodi"
    assert case.category_code and case.sex == "L" and case.kelurahan_code == "3671011001"
    assert case.address.startswith("Jl. Kisamaun") and case.latitude == pytest.approx(-6.178)
    assert case.description.startswith("Ditinggal") and case.urgency == "tinggi"
    assert len(case.photos) == 1
