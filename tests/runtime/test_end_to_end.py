"""The bot started as an operator starts it (`python -m bot run`), used as a PSM uses it."""

from __future__ import annotations

import asyncio
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


async def answer(telegram: FakeTelegramServer, action: Callable[[], int], expect: str) -> dict:  # type: ignore[type-arg]
    """Do one user action and wait for the bot's next message containing `expect`."""
    seen = len(telegram.sent_to(PSM_ID))
    action()
    for _ in range(200):
        fresh = telegram.sent_to(PSM_ID)[seen:]
        if any(expect in (m.get("text") or "") for m in fresh):
            return fresh[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no reply containing {expect!r}; got {fresh}")


async def test_operator_starts_the_bot_and_a_psm_reports_a_case(
    bot_process: asyncio.subprocess.Process, telegram: FakeTelegramServer, database_url: str
) -> None:
    user = FakeUser(telegram, PSM_ID, "Lutpiah")
    await answer(telegram, lambda: user.send_text("/start"), "Bagikan nomor saya")
    await answer(telegram, lambda: user.send_contact("6281234567890"), "sudah aktif")
    menu = await answer(telegram, lambda: user.send_text("/lapor"), "kelompok")
    menu = await answer(telegram, lambda: user.click(menu, "Anak"), "kategori")
    await answer(telegram, lambda: user.click(menu, "Anak Telantar"), "nama")
    await answer(telegram, lambda: user.send_text("Dodi"), "NIK")
    menu = await answer(telegram, lambda: user.send_text("3671011208150002"), "kecamatan")
    await answer(telegram, lambda: user.click(menu, "Kelurahan saya"), "alamat")
    await answer(telegram, lambda: user.send_text("Jl. Kisamaun 10 RT 01/02"), "lokasi")
    await answer(telegram, lambda: user.send_location(-6.178, 106.63), "Ceritakan")
    menu = await answer(
        telegram, lambda: user.send_text("Ditinggal orang tua, tidur di pasar."), "mendesak"
    )
    menu = await answer(telegram, lambda: user.click(menu, "Tinggi"), "foto")
    menu = await answer(telegram, lambda: user.send_photo(), "Foto ke-1")
    review = await answer(telegram, lambda: user.click(menu, "Selesai"), "Periksa laporan")
    saved = await answer(telegram, lambda: user.click(review, "Kirim laporan"), "TNG-")

    bot_process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(bot_process.wait(), 20) == 0
    [case] = await fetch(database_url, Case)
    assert case.number in saved["text"] and case.beneficiary_name == "Dodi"
    assert case.sex == "L" and len(case.photos) == 1 and case.latitude == pytest.approx(-6.178)
    commands = [r.params for r in telegram.requests if r.method == "setMyCommands"]
    assert {c.get("language_code") for c in commands} == {None, "id", "en"}
