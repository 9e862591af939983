"""`make run` without a token: the sandbox page in a real browser (Debian's headless Chromium).

One person plays both sides: registers as the roster PSM with the share-number button, files a
whole /lapor with a photo, then switches to the coordinator and finds the alert and the case.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import struct
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Locator, Page, async_playwright, expect

from tests.cli import BotProcess, free_port
from tests.texts import said, said_pattern

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.process]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# The coordinator's alert goes through the outbox, which ticks every second in the sandbox.
ALERT_WAIT_MS = 20_000
REPLY_WAIT_MS = 10_000


@pytest.fixture
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium to drive: apt-get install -y chromium (.ci/run does)")
    return found


def tiny_png(path: Path) -> Path:
    """A real 8x6 orange PNG, as a phone camera would give a real image."""
    rows = b"".join(b"\x00" + bytes([230, 120, 40]) * 8 for _ in range(6))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 8, 6, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[str]:
    """`psm-bot run` on a fresh clone: no .env, no BOT_TOKEN."""
    port = free_port()
    bot = await BotProcess.start(tmp_path, "run", SANDBOX_PORT=str(port))
    try:
        banner = await bot.line_with("SANDBOX", timeout=60)
        assert f"http://127.0.0.1:{port}" in banner
        await bot.line_with("This is a sandbox")
        yield f"http://127.0.0.1:{port}"
    finally:
        assert await bot.stop() == 0, "".join(bot.output)[-3000:]
    assert (tmp_path / "data" / "sandbox" / "sandbox.db").is_file()
    assert not (tmp_path / "data" / "psm-bot.db").exists(), "the sandbox touched the real database"


@pytest.fixture
async def page(chromium: str, sandbox: str) -> AsyncIterator[Page]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            tab = await browser.new_page(viewport={"width": 1100, "height": 900})
            errors: list[str] = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            await tab.goto(sandbox)
            yield tab
            assert errors == [], errors
        finally:
            await browser.close()


class Phone:
    """What a person does on the page, found by what they see.

    Each action notes how many bot messages the chat has, so that `bot_says` waits for a new
    one rather than reading the question it answered.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.messages = page.locator("#messages")
        self.input = page.get_by_placeholder(said("sandbox-message-placeholder"))
        self.seen = 0

    async def click(self, target: Locator) -> None:
        self.seen = await self.messages.locator(".msg.bot").count()
        await target.click()

    async def bot_says(self, key: str, wait_ms: int = REPLY_WAIT_MS, **args: object) -> str:
        """Wait for the newest bot message to say the catalog text `key`; return what it shows."""
        replies = self.messages.locator(".msg.bot")
        await expect(replies.nth(self.seen)).to_be_attached(timeout=wait_ms)
        # The page may break lines its own way: any run of white space matches any other.
        exact = said_pattern(key, **args).pattern
        pattern = re.compile(re.sub(r"(?:\\\s)+", r"\\s+", exact), re.DOTALL)
        shown = ""
        for _ in range(wait_ms // 50):
            shown = str(await replies.last.inner_text())
            if pattern.search(shown):
                return shown
            await asyncio.sleep(0.05)
        raise AssertionError(f"the bot did not say {key} {args}; its last message is {shown!r}")

    async def send(self, text: str) -> None:
        await self.input.fill(text)
        await self.click(self.page.get_by_role("button", name=said("sandbox-send"), exact=True))

    async def tap(self, label: str) -> None:
        """An inline button of the newest message that has some."""
        keyboard = self.messages.locator(".msg:has(.inline-kb)").last
        await self.click(keyboard.locator("button", has_text=label))

    async def press(self, label: str) -> None:
        """A reply-keyboard button under the input field."""
        await self.click(self.page.locator("#reply-keyboard").get_by_role("button", name=label))


@pytest.mark.timeout(180)
async def test_psm_reports_with_a_photo_and_the_coordinator_sees_the_case(
    page: Page, tmp_path: Path
) -> None:
    phone = Phone(page)
    await phone.send("/start")
    await phone.bot_says("signup-ask-contact")
    await phone.press(said("button-share-contact"))
    await expect(phone.messages.locator(".msg.user").last).to_contain_text("+6281234567890")
    await phone.bot_says("signup-activated-psm", name="Lutpiah", place="Sukarasa")

    await phone.send("/lapor")
    await phone.bot_says("report-ask-category-group")
    await phone.tap("Anak")
    await phone.bot_says("report-ask-category", group=said("category-group-anak"))
    await phone.tap("Anak Telantar")
    await phone.bot_says("report-ask-name")
    await phone.send("Dodi")
    await phone.bot_says("report-ask-nik")
    await phone.send("3671011208150002")
    await phone.bot_says("report-ask-kecamatan")
    await phone.tap(said("button-my-kelurahan", kelurahan="Sukarasa"))
    await phone.bot_says("report-ask-address")
    await phone.send("Jl. Kisamaun 10 RT 01/02")
    await phone.bot_says("report-ask-location")
    await phone.press(said("button-send-location"))
    await page.locator("#latitude").fill("-6.17800")
    await page.locator("#longitude").fill("106.63000")
    dialog = page.locator("#location-dialog")
    await phone.click(dialog.get_by_role("button", name=said("sandbox-location-send")))
    await phone.bot_says("report-ask-description")
    await expect(page.locator("#reply-keyboard")).to_be_hidden()
    await phone.send("Ditinggal orang tua, tidur di pasar.")
    await phone.bot_says("report-ask-urgency")
    await phone.tap("Tinggi")
    await phone.bot_says("report-ask-photos", count=0)

    async with page.expect_file_chooser() as chooser:
        await page.get_by_role("button", name=said("sandbox-attach")).click()
        menu = page.locator("#attach-menu")
        await menu.get_by_role("button", name=said("sandbox-attach-photo")).click()
    await (await chooser.value).set_files(str(tiny_png(tmp_path / "kondisi.png")))
    upload = page.locator("#upload-dialog")
    await phone.click(upload.get_by_role("button", name=said("sandbox-send")))
    await phone.bot_says("report-photo-added", count=1)
    photo = phone.messages.locator(".msg.user img.photo").last
    await expect(photo).to_be_visible()
    assert await photo.evaluate("img => img.naturalWidth") == 8, "the photo did not arrive intact"

    await phone.tap("Selesai")
    await phone.bot_says("report-review", name="Dodi", category="Anak Telantar")
    await phone.tap(said("button-submit"))
    saved = await phone.bot_says("report-saved")
    number = re.search(r"TNG-\d{4}-\d{5}", saved)
    assert number, saved

    coordinator = page.locator("#personas").get_by_role("button", name=re.compile("Ratna"))
    await expect(coordinator.locator(".badge")).to_have_text("1", timeout=ALERT_WAIT_MS)
    await coordinator.click()
    await expect(page.locator("#messages[data-chat='2001']")).to_be_attached()
    phone.seen = 0
    alert = await phone.bot_says("case-new", number=number.group())
    assert "Dodi" in alert and "Lutpiah" in alert
    await phone.send(f"/kasus {number.group()}")
    case = await phone.bot_says("case-detail", number=number.group(), name="Dodi")
    assert number.group() in case and "Sukarasa" in case
    await expect(page.locator("#violation-count")).to_have_text("0")
