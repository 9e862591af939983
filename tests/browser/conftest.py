"""The sandbox page in Debian's headless Chromium: the browser, `make run` without a token, and
where the walks' screenshots go."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Page, async_playwright

from tests.browser.phone import CHROMIUM_ARGS, PHONE
from tests.cli import BotProcess, free_port


@pytest.fixture
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium to drive: apt-get install -y chromium (.ci/run does)")
    return found


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
def shots(tmp_path: Path) -> Path:
    """Where the walks' screenshots go: PSM_SCREENSHOTS (docs/, for the README) or the test's."""
    folder = Path(os.environ.get("PSM_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
async def page(chromium: str, sandbox: str) -> AsyncIterator[Page]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            tab = await browser.new_page(viewport=PHONE, device_scale_factor=1)
            errors: list[str] = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            await tab.goto(sandbox)
            yield tab
            assert errors == [], errors
        finally:
            await browser.close()
