"""The sandbox behind its page: live events, personas' actions, violations, reset, the CLI."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.runtime.settings import load_settings
from bot.sandbox.personas import COORDINATOR, PSM_ON_ROSTER
from bot.sandbox.runner import serving
from bot.sandbox.simulation import Simulation
from tests.cli import BotProcess, free_port, run_cli
from tests.texts import said, said_pattern

Event = dict[str, Any]
PSM = PSM_ON_ROSTER.telegram_id


class Page:
    """What the browser's script does: the JSON API and the event stream."""

    def __init__(self, url: str, http: aiohttp.ClientSession, simulation: Simulation) -> None:
        self.url, self.http, self.simulation = url, http, simulation
        self.events: list[Event] = []

    async def listen(self) -> None:
        async with self.http.get(f"{self.url}/api/events") as response:
            async for line in response.content:
                if line.startswith(b"data: "):
                    self.events.append(json.loads(line[6:]))

    async def get(self, path: str) -> Any:
        async with self.http.get(f"{self.url}{path}") as response:
            assert response.status == 200, await response.text()
            return await response.json()

    async def post(self, path: str, body: Event | None = None, **headers: str) -> int:
        async with self.http.post(f"{self.url}{path}", json=body or {}, headers=headers) as reply:
            return reply.status

    async def event(self, wanted: Callable[[Event], bool], seconds: float = 10) -> Event:
        for _ in range(int(seconds / 0.02)):
            found = [e for e in self.events if wanted(e)]
            if found:
                return found[-1]
            await asyncio.sleep(0.02)
        raise AssertionError(f"no such event; got {self.events[-10:]}")

    async def bot_says(self, chat_id: int, key: str, **args: object) -> Event:
        """The newest message of the bot to `chat_id` saying the catalog text `key`."""
        pattern = said_pattern(key, **args)
        event = await self.event(
            lambda e: (
                e["type"] == "message"
                and e["chat_id"] == chat_id
                and e["message"]["from"]["is_bot"]
                and pattern.search(e["message"].get("text") or "") is not None
            )
        )
        return dict(event["message"])


@pytest.fixture
async def page(tmp_path: Path) -> AsyncIterator[Page]:
    settings = load_settings(_env_file=None, data_dir=tmp_path / "data", sandbox_port=free_port())
    async with serving(settings) as simulation, aiohttp.ClientSession() as http:
        page = Page(f"http://127.0.0.1:{settings.sandbox_port}", http, simulation)
        listening = asyncio.create_task(page.listen())
        await asyncio.sleep(0.1)  # the stream is open before anything happens
        yield page
        listening.cancel()


async def register(page: Page) -> None:
    assert await page.post(f"/api/chats/{PSM}/text", {"text": "/start"}) == 200
    await page.bot_says(PSM, "signup-ask-contact")
    assert await page.post(f"/api/chats/{PSM}/contact") == 200
    await page.bot_says(PSM, "signup-activated-psm", name="Lutpiah", place="Sukarasa")


async def test_page_and_its_script_are_served(page: Page) -> None:
    async with page.http.get(page.url) as response:
        assert response.status == 200 and "/static/chat.js" in await response.text()
    async with page.http.get(f"{page.url}/static/chat.js") as response:
        assert response.status == 200 and "EventSource" in await response.text()
    state = await page.get("/api/state")
    assert [p["key"] for p in state["personas"]] == [
        "psm-roster",
        "psm-new",
        "coordinator",
        "admin",
    ]
    assert state["texts"]["reset"] == said("sandbox-reset")
    assert {c["command"] for c in state["commands"]} >= {"lapor", "kasus", "start"}


async def test_share_number_button_registers_and_the_page_sees_it_live(page: Page) -> None:
    assert await page.post(f"/api/chats/{PSM}/text", {"text": "/start"}) == 200
    keyboard = await page.event(lambda e: e["type"] == "keyboard" and e["keyboard"])
    assert keyboard["keyboard"]["keyboard"][0][0]["request_contact"] is True
    assert await page.post(f"/api/chats/{PSM}/contact") == 200
    shared = await page.event(lambda e: e["type"] == "message" and "contact" in e["message"])
    assert shared["message"]["contact"]["phone_number"] == PSM_ON_ROSTER.phone
    await page.bot_says(PSM, "signup-activated-psm", name="Lutpiah", place="Sukarasa")
    chat = await page.get(f"/api/chats/{PSM}")
    assert chat["keyboard"] is None  # one-time keyboard gone once its button was pressed
    assert [bool(m["from"]["is_bot"]) for m in chat["messages"]] == [False, True, False, True]


async def test_uploaded_document_is_shown_and_can_be_downloaded(page: Page) -> None:
    form = aiohttp.FormData()
    form.add_field("kind", "document")
    form.add_field("caption", "surat keterangan")
    form.add_field("file", b"%PDF-1.4 demo", filename="sktm.pdf", content_type="application/pdf")
    async with page.http.post(f"{page.url}/api/chats/{PSM}/upload", data=form) as response:
        assert response.status == 200
    sent = await page.event(lambda e: e["type"] == "message" and "document" in e["message"])
    document = sent["message"]["document"]
    assert (document["file_name"], sent["message"]["caption"]) == ("sktm.pdf", "surat keterangan")
    async with page.http.get(f"{page.url}/api/files/{document['file_id']}") as download:
        assert download.content_type == "application/pdf"
        assert await download.read() == b"%PDF-1.4 demo"


async def test_an_uploaded_html_document_is_downloaded_and_never_run(page: Page) -> None:
    form = aiohttp.FormData()
    form.add_field("kind", "document")
    script = b"<script>fetch('/api/reset', {method: 'POST'})</script>"
    form.add_field("file", script, filename='a".html', content_type="text/html")
    async with page.http.post(f"{page.url}/api/chats/{PSM}/upload", data=form) as response:
        assert response.status == 200
    sent = await page.event(lambda e: e["type"] == "message" and "document" in e["message"])
    async with page.http.get(
        f"{page.url}/api/files/{sent['message']['document']['file_id']}"
    ) as got:
        assert got.headers["Content-Disposition"].startswith("attachment;")
        assert got.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in got.headers["Content-Security-Policy"]
    async with page.http.get(page.url) as response:
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("host", "status"),
    [("localhost", 200), ("127.0.0.1", 200), ("[::1]", 200), ("rebound.example", 421)],
)
async def test_the_page_answers_only_to_names_no_other_site_can_take(
    page: Page, host: str, status: int
) -> None:
    port = page.url.rsplit(":", 1)[1]
    for path in ("/", "/api/state"):
        async with page.http.get(page.url + path, headers={"Host": f"{host}:{port}"}) as reply:
            assert reply.status == status, path


async def test_stale_button_answer_shows_as_an_alert(page: Page) -> None:
    await register(page)
    message = (await page.get(f"/api/chats/{PSM}"))["messages"][-1]
    body = {"message_id": message["message_id"], "data": "r:cat:999"}
    assert await page.post(f"/api/chats/{PSM}/callback", body) == 200
    toast = await page.event(lambda e: e["type"] == "toast")
    assert toast["chat_id"] == PSM and toast["alert"] is True and toast["text"]


async def test_a_message_sent_as_a_reply_in_the_page_carries_what_it_replies_to(
    page: Page,
) -> None:
    await register(page)
    welcome = (await page.get(f"/api/chats/{PSM}"))["messages"][-1]
    body = {"text": "Terima kasih", "reply_to": welcome["message_id"]}
    assert await page.post(f"/api/chats/{PSM}/text", body) == 200
    sent = await page.event(
        lambda e: e["type"] == "message" and e["message"].get("text") == "Terima kasih"
    )
    assert sent["message"]["reply_to_message"]["message_id"] == welcome["message_id"]
    await page.bot_says(PSM, "hint-psm")  # no case behind that message: what she can do


async def test_bot_api_violations_are_shown_in_the_page(page: Page) -> None:
    telegram = page.simulation.telegram
    bad_html = {"chat_id": PSM, "text": "<b>tidak ditutup", "parse_mode": "HTML"}
    async with page.http.post(f"{telegram.base_url}{telegram.token}/sendMessage", json=bad_html):
        pass
    event = await page.event(lambda e: e["type"] == "violation")
    assert event["violation"]["method"] == "sendMessage"
    assert "can't parse entities" in event["violation"]["error"]
    assert (await page.get("/api/state"))["violations"] == [event["violation"]]


async def test_reset_forgets_every_chat_and_registration(page: Page) -> None:
    await register(page)
    assert await page.post("/api/reset") == 200
    await page.event(lambda e: e["type"] == "reset")
    assert (await page.get(f"/api/chats/{PSM}"))["messages"] == []
    page.events.clear()
    assert await page.post(f"/api/chats/{PSM}/text", {"text": "/start"}) == 200
    await page.bot_says(PSM, "signup-ask-contact")  # a stranger again
    # The demo roster is back: the coordinator is registered, ready for alerts.
    assert await page.post(f"/api/chats/{COORDINATOR.telegram_id}/text", {"text": "/kasus"}) == 200
    await page.bot_says(COORDINATOR.telegram_id, "cases-empty")  # a coordinator's empty list


async def test_another_site_cannot_act_as_a_persona(page: Page) -> None:
    status = await page.post(
        f"/api/chats/{PSM}/text", {"text": "/start"}, Origin="http://evil.example"
    )
    assert status == 403
    await asyncio.sleep(0.3)
    assert (await page.get(f"/api/chats/{PSM}"))["messages"] == []


@pytest.mark.slow
@pytest.mark.process
async def test_run_without_a_token_opens_the_sandbox(tmp_path: Path) -> None:
    port = free_port()
    bot = await BotProcess.start(tmp_path, "run", SANDBOX_PORT=str(port))
    try:
        banner = await bot.line_with("SANDBOX", timeout=60)
        assert f"http://127.0.0.1:{port}" in banner
        async with aiohttp.ClientSession() as http, http.get(banner.split()[-1]) as response:
            assert response.status == 200
    finally:
        assert await bot.stop() == 0


@pytest.mark.slow
@pytest.mark.process
async def test_a_taken_sandbox_port_is_named(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = await run_cli(tmp_path, "sandbox", SANDBOX_PORT=str(port))
    assert done.code == 1
    assert f"cannot serve the sandbox page on 127.0.0.1:{port}" in done.stderr
    assert "SANDBOX_PORT" in done.stderr and "Traceback" not in done.stderr
