"""A person at the sandbox page in Chromium, on a phone-sized screen: the browser, the page and
what they do on it, found by what they see."""

from __future__ import annotations

import asyncio
import re
import struct
import zlib
from pathlib import Path

from playwright.async_api import Locator, Page, expect

from tests.texts import said, said_pattern

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# The coordinator's alert goes through the outbox, which ticks every second in the sandbox.
ALERT_WAIT_MS = 20_000
REPLY_WAIT_MS = 10_000
PHONE = {"width": 412, "height": 860}


def shown_pattern(key: str, **args: object) -> re.Pattern[str]:
    """The catalog text as the page shows it: it may break lines its own way, so any run of
    white space matches any other."""
    exact = said_pattern(key, **args).pattern
    return re.compile(re.sub(r"(?:\\\s)+", r"\\s+", exact), re.DOTALL)


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


class Phone:
    """What a person does on the page, found by what they see.

    Each action notes how many bot messages the chat has, so that `bot_says` waits for a new
    one rather than reading the question it answered.
    """

    def __init__(self, page: Page, shots: Path) -> None:
        self.page, self.shots = page, shots
        self.messages = page.locator("#messages")
        self.input = page.get_by_placeholder(said("sandbox-message-placeholder"))
        self.seen = 0

    async def shot(self, name: str) -> None:
        """Save what the screen shows, after checking the message box is on it, not below."""
        box = await self.input.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{name}: input off-screen"
        await self.page.screenshot(path=self.shots / f"{name}.png")

    async def play(self, name: str) -> None:
        """Switch to the persona called `name` in the (folded) persona switcher."""
        switcher = self.page.locator("#persona-switcher")
        if not await switcher.evaluate("d => d.open"):
            await switcher.locator("> summary").click()
        await self.page.locator("#personas").get_by_role("button", name=re.compile(name)).click()
        await expect(switcher).not_to_have_attribute("open", "")
        self.seen = 0

    async def start(self) -> None:
        """A chat never opened shows only Telegram's START button; press it."""
        await expect(self.input).to_be_hidden()
        await self.click(self.page.get_by_role("button", name=said("sandbox-start"), exact=True))
        await expect(self.input).to_be_visible()

    async def tap_command(self, command: str) -> None:
        """A /command in the bot's newest message, tapped as a link."""
        link = self.messages.locator(".msg.bot").last.locator("a.command", has_text=command)
        await self.click(link)

    async def click(self, target: Locator) -> None:
        self.seen = await self.messages.locator(".msg.bot").count()
        await target.click()

    async def bot_says(self, key: str, wait_ms: int = REPLY_WAIT_MS, **args: object) -> str:
        """Wait for the newest bot message to say the catalog text `key`; return what it shows."""
        replies = self.messages.locator(".msg.bot")
        await expect(replies.nth(self.seen)).to_be_attached(timeout=wait_ms)
        pattern = shown_pattern(key, **args)
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
