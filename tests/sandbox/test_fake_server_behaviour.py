"""The fake Telegram server behaves like Telegram: polling, edits, blocks, rates, failures."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.sandbox.telegram import FakeTelegramServer, FakeUser
from bot.sandbox.telegram.bot_api_limits import render
from tests.sandbox.conftest import USER_ID, Api, keyboard


async def test_get_updates_long_poll_returns_pushed_update_and_honours_offset(
    api: Api, server: FakeTelegramServer, user: FakeUser
) -> None:
    poll = asyncio.create_task(api("getUpdates", timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    update_id = user.send_text("/start")
    status, body = await asyncio.wait_for(poll, 1)
    assert status == 200
    [update] = body["result"]
    assert update["update_id"] == update_id
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert (await api("getUpdates", offset=update_id))[1]["result"] == [update]
    assert (await api("getUpdates", offset=update_id + 1))[1]["result"] == []
    assert server.pending_updates == []


async def test_stop_wakes_pending_long_polls(api: Api, server: FakeTelegramServer) -> None:
    poll = asyncio.create_task(api("getUpdates", timeout=30))
    await asyncio.sleep(0.05)
    await asyncio.wait_for(server.stop(), 1)
    assert (await asyncio.wait_for(poll, 1))[1]["result"] == []


async def test_edit_with_identical_content_is_not_modified(api: Api) -> None:
    markup = keyboard({"text": "Ya", "callback_data": "y"})
    sent = (await api("sendMessage", chat_id=USER_ID, text="Halo", reply_markup=markup))[1][
        "result"
    ]
    ids = {"chat_id": USER_ID, "message_id": sent["message_id"]}
    status, body = await api("editMessageText", text="Halo", reply_markup=markup, **ids)
    assert status == 400
    assert body["description"].startswith("Bad Request: message is not modified: ")
    # Dropping reply_markup is a modification: Telegram removes the keyboard.
    status, body = await api("editMessageText", text="Halo", **ids)
    assert status == 200
    assert "reply_markup" not in body["result"]


async def test_editing_unknown_message_is_rejected(api: Api) -> None:
    status, body = await api("editMessageText", chat_id=USER_ID, message_id=99, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message to edit not found")


async def test_blocked_chat_gets_403_and_is_not_a_rejection(
    api: Api, server: FakeTelegramServer
) -> None:
    server.block_chat(USER_ID)
    status, body = await api("sendMessage", chat_id=USER_ID, text="hi")
    assert (status, body) == (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )
    server.assert_no_rejections()


async def test_sends_over_the_rate_limit_get_429(api: Api, server: FakeTelegramServer) -> None:
    server.rate_limit(per_second=3)
    statuses = [(await api("sendMessage", chat_id=USER_ID, text=f"{i}"))[0] for i in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert server.rate_limited_count == 2
    status, body = await api("sendMessage", chat_id=USER_ID, text="again")
    assert status == 429
    assert body["parameters"] == {"retry_after": 1}


async def test_fail_next_injects_exactly_one_failure(api: Api, server: FakeTelegramServer) -> None:
    server.fail_next("sendMessage", 502, "Bad Gateway")
    assert (await api("sendMessage", chat_id=USER_ID, text="a"))[0] == 502
    assert (await api("sendMessage", chat_id=USER_ID, text="b"))[0] == 200
    assert [m["text"] for m in server.sent_to(USER_ID)] == ["b"]


async def test_a_failure_for_one_chat_lets_the_others_through(
    api: Api, server: FakeTelegramServer
) -> None:
    server.fail_next("sendMessage", 500, "Internal Server Error", chat_id=USER_ID + 1)
    assert (await api("sendMessage", chat_id=USER_ID, text="a"))[0] == 200
    assert (await api("sendMessage", chat_id=USER_ID + 1, text="b"))[0] == 500
    assert (await api("sendMessage", chat_id=USER_ID + 1, text="c"))[0] == 200
    assert [m["text"] for m in server.sent_to(USER_ID + 1)] == ["c"]


async def test_json_bodies_are_accepted(server: FakeTelegramServer) -> None:
    async with httpx.AsyncClient() as client:
        url = f"{server.base_url}{server.token}/sendMessage"
        response = await client.post(url, json={"chat_id": USER_ID, "text": "json"})
    assert response.json()["result"]["text"] == "json"


async def test_click_lists_buttons_when_label_is_missing(api: Api, user: FakeUser) -> None:
    markup = keyboard(
        {"text": "Kirim", "callback_data": "send"}, {"text": "Batal", "callback_data": "no"}
    )
    sent = (await api("sendMessage", chat_id=USER_ID, text="?", reply_markup=markup))[1]["result"]
    with pytest.raises(AssertionError, match="Kirim"):
        user.click(sent, "Simpan")


async def test_wait_for_message_reports_recent_messages_on_timeout(
    api: Api, server: FakeTelegramServer
) -> None:
    await api("sendMessage", chat_id=USER_ID, text="Selamat datang")
    with pytest.raises(AssertionError, match="Selamat datang"):
        await server.wait_for_message(
            USER_ID, lambda m: "Laporan" in m.get("text", ""), timeout=0.1
        )


async def test_wait_for_message_since_index_sees_only_new_messages(
    api: Api, server: FakeTelegramServer
) -> None:
    await api("sendMessage", chat_id=USER_ID, text="old")
    mark = server.mark()
    waiter = asyncio.create_task(server.wait_for_message(USER_ID, since_index=mark, timeout=1))
    await asyncio.sleep(0.05)
    await api("getChat", chat_id=USER_ID)  # results without message_id are ignored
    assert not waiter.done()
    await api("sendMessage", chat_id=USER_ID, text="new")
    assert (await waiter)["text"] == "new"


async def test_every_schema_method_is_served(api: Api, server: FakeTelegramServer) -> None:
    for method in server.schema.methods:
        status, _ = await api(method)
        assert status != 404, method


def test_a_command_in_a_bot_message_is_marked_as_telegram_marks_it() -> None:
    shown = render("Ketik /lapor, atau <code>/batal</code>; 12/2026 dan https://x.id/a", "HTML")
    commands = [e for e in shown.entities if e["type"] == "bot_command"]
    assert [shown.text[e["offset"] : e["offset"] + e["length"]] for e in commands] == ["/lapor"]
