"""The fake Telegram server must reject what Telegram rejects and answer what PTB can parse."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.sandbox.telegram import FakeTelegramServer, FakeUser, parse_html

Api = Callable[..., Coroutine[Any, Any, tuple[int, dict[str, Any]]]]
USER_ID = 1001


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    fake = FakeTelegramServer()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def api(server: FakeTelegramServer) -> AsyncIterator[Api]:
    """Calls the fake exactly like PTB does: form-encoded, non-strings JSON-encoded."""
    async with httpx.AsyncClient(timeout=5) as client:

        async def call(method: str, **params: Any) -> tuple[int, dict[str, Any]]:
            data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            response = await client.post(f"{server.base_url}{server.token}/{method}", data=data)
            return response.status_code, response.json()

        yield call


@pytest.fixture
async def bot(server: FakeTelegramServer) -> AsyncIterator[telegram.Bot]:
    ptb_bot = telegram.Bot(
        server.token, base_url=server.base_url, base_file_url=server.base_file_url
    )
    async with ptb_bot:
        yield ptb_bot


@pytest.fixture
def user(server: FakeTelegramServer) -> FakeUser:
    return FakeUser(server, USER_ID, "Siti")


def keyboard(*buttons: dict[str, Any]) -> dict[str, Any]:
    return {"inline_keyboard": [list(buttons)]}


async def test_unknown_method_is_404(api: Api) -> None:
    status, body = await api("sendMesage", chat_id=USER_ID, text="hi")
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})


async def test_wrong_token_is_401(server: FakeTelegramServer) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{server.base_url}999:WRONG/getMe")
    assert response.status_code == 401


async def test_unknown_field_is_rejected(api: Api, server: FakeTelegramServer) -> None:
    status, body = await api("sendMessage", chat_id=USER_ID, text="hi", parse_mod="HTML")
    assert status == 400
    assert body["description"] == "Bad Request: unknown field parse_mod"
    assert [r.method for r in server.rejected] == ["sendMessage"]


async def test_unknown_field_inside_a_button_is_rejected(api: Api) -> None:
    button = {"text": "Ya", "callback_data": "y", "colour": "red"}
    status, body = await api(
        "sendMessage", chat_id=USER_ID, text="hi", reply_markup=keyboard(button)
    )
    assert status == 400
    assert "reply_markup.inline_keyboard[0][0].colour" in body["description"]


async def test_missing_chat_id_is_rejected(api: Api) -> None:
    status, body = await api("sendMessage", text="hi")
    assert (status, body["description"]) == (400, "Bad Request: chat_id is empty")


async def test_non_numeric_integer_is_rejected(api: Api) -> None:
    status, _ = await api("deleteMessage", chat_id=USER_ID, message_id="abc")
    assert status == 400


async def test_text_over_4096_chars_is_rejected(api: Api) -> None:
    status, body = await api("sendMessage", chat_id=USER_ID, text="x" * 4097)
    assert (status, body["description"]) == (400, "Bad Request: message is too long")
    status, _ = await api("sendMessage", chat_id=USER_ID, text="x" * 4096)
    assert status == 200


async def test_text_length_is_measured_after_html_parsing(api: Api) -> None:
    text = "<b>" + "x" * 4095 + "</b>&amp;"
    status, body = await api("sendMessage", chat_id=USER_ID, text=text, parse_mode="HTML")
    assert status == 200
    assert body["result"]["text"] == "x" * 4095 + "&"


async def test_numeric_text_stays_a_string(api: Api) -> None:
    status, body = await api("sendMessage", chat_id=USER_ID, text="123")
    assert status == 200
    assert body["result"]["text"] == "123"


async def test_callback_data_over_64_bytes_is_rejected(api: Api) -> None:
    too_long = keyboard({"text": "Ya", "callback_data": "é" * 32 + "x"})  # 65 bytes, 33 chars
    status, body = await api("sendMessage", chat_id=USER_ID, text="hi", reply_markup=too_long)
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")
    fits = keyboard({"text": "Ya", "callback_data": "é" * 32})
    status, _ = await api("sendMessage", chat_id=USER_ID, text="hi", reply_markup=fits)
    assert status == 200


async def test_inline_button_needs_exactly_one_action(api: Api) -> None:
    for button in ({"text": "Ya"}, {"text": "Ya", "callback_data": "y", "url": "https://x.id"}):
        status, body = await api(
            "sendMessage", chat_id=USER_ID, text="hi", reply_markup=keyboard(button)
        )
        assert status == 400, button
        assert "inline keyboard button" in body["description"]


async def test_new_message_with_an_empty_inline_keyboard_is_rejected(api: Api) -> None:
    empty = {"inline_keyboard": []}
    status, body = await api("sendMessage", chat_id=USER_ID, text="hi", reply_markup=empty)
    assert (status, body["description"]) == (400, "Bad Request: inline keyboard must not be empty")
    button = keyboard({"text": "Ya", "callback_data": "y"})
    _, sent = await api("sendMessage", chat_id=USER_ID, text="hi", reply_markup=button)
    message_id = sent["result"]["message_id"]
    # Editing to an empty keyboard is how a keyboard is taken away.
    status, _ = await api(
        "editMessageReplyMarkup", chat_id=USER_ID, message_id=message_id, reply_markup=empty
    )
    assert status == 200


@pytest.mark.parametrize(
    "text", ["<b>x", "<x>y</x>", "a < b", "a & b", "<b>x</i>", "<span>s</span>"]
)
async def test_malformed_html_is_rejected(api: Api, text: str) -> None:
    status, body = await api("sendMessage", chat_id=USER_ID, text=text, parse_mode="HTML")
    assert status == 400
    assert body["description"].startswith("Bad Request: can't parse entities: ")


@pytest.mark.parametrize(
    "text",
    [
        "<b>x</b> &lt;3 &amp; &#128512;",
        '<a href="https://dinsos.tangerangkota.go.id">link</a> <i><u>x</u></i>',
        '<span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote>',
        '<pre><code class="language-python">x = 1</code></pre> a > b',
    ],
)
async def test_valid_html_is_accepted(api: Api, text: str) -> None:
    status, body = await api("sendMessage", chat_id=USER_ID, text=text, parse_mode="HTML")
    assert status == 200, body


async def test_html_parsing_yields_plain_text_and_entities() -> None:
    parsed = parse_html("😀 <b>Halo</b>")
    assert parsed.text == "😀 Halo"
    assert parsed.entities == [{"type": "bold", "offset": 3, "length": 4}]  # UTF-16 offsets


async def test_caption_over_1024_chars_is_rejected(api: Api, user: FakeUser) -> None:
    user.send_photo()
    assert user.last_photo is not None
    photo = user.last_photo
    status, body = await api("sendPhoto", chat_id=USER_ID, photo=photo.file_id, caption="x" * 1025)
    assert (status, body["description"]) == (400, "Bad Request: message caption is too long")


async def test_unknown_file_id_is_rejected(api: Api) -> None:
    status, _ = await api("sendPhoto", chat_id=USER_ID, photo="AgACAgUAAxkBAAI-made-up")
    assert status == 400


async def test_bad_bot_commands_are_rejected_and_good_ones_stored(api: Api) -> None:
    status, _ = await api("setMyCommands", commands=[{"command": "Start!", "description": "x"}])
    assert status == 400
    status, _ = await api("setMyCommands", commands=[{"command": "lapor", "description": ""}])
    assert status == 400
    commands = [{"command": "lapor", "description": "Buat laporan"}]
    scope = {"type": "all_private_chats"}
    assert (await api("setMyCommands", commands=commands, scope=scope))[0] == 200
    assert (await api("getMyCommands", scope=scope))[1]["result"] == commands
    assert (await api("getMyCommands"))[1]["result"] == []


async def test_answer_callback_text_over_200_chars_is_rejected(api: Api, user: FakeUser) -> None:
    sent = (await api("sendMessage", chat_id=USER_ID, text="?", reply_markup=keyboard(
        {"text": "Ya", "callback_data": "y"})))[1]["result"]  # fmt: skip
    user.click(sent, "ya")
    query_id = (await api("getUpdates"))[1]["result"][0]["callback_query"]["id"]
    status, _ = await api("answerCallbackQuery", callback_query_id=query_id, text="x" * 201)
    assert status == 400
    assert (await api("answerCallbackQuery", callback_query_id=query_id))[0] == 200
    assert (await api("answerCallbackQuery", callback_query_id=query_id))[0] == 400  # twice


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


async def test_ptb_parses_messages_keyboards_edits_and_updates(
    bot: telegram.Bot, server: FakeTelegramServer, user: FakeUser
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Setuju", callback_data="agree")]])
    sent = await bot.send_message(
        USER_ID, "<b>Data</b> benar?", parse_mode="HTML", reply_markup=markup
    )
    assert sent.text_html == "<b>Data</b> benar?"
    assert sent.reply_markup == markup
    user.click(server.last_message(USER_ID) or {}, "setuju")
    [update] = await bot.get_updates(timeout=1)
    assert update.callback_query is not None and update.callback_query.data == "agree"
    assert await update.callback_query.answer("Tersimpan")
    edited = await bot.edit_message_text(
        "Terima kasih", chat_id=USER_ID, message_id=sent.message_id
    )
    assert isinstance(edited, telegram.Message) and edited.edit_date is not None
    with pytest.raises(telegram.error.BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("Terima kasih", chat_id=USER_ID, message_id=sent.message_id)
    user.send_contact("+6281234567890")
    [contact_update] = await bot.get_updates(offset=update.update_id + 1, timeout=1)
    assert contact_update.message is not None and contact_update.message.contact is not None
    assert contact_update.message.contact.user_id == USER_ID
    assert [m["text"] for m in server.sent_to(USER_ID)] == ["Terima kasih"]
    server.assert_no_rejections(allow=["not modified"])


async def test_ptb_parses_files_media_groups_and_chats(
    bot: telegram.Bot, server: FakeTelegramServer, user: FakeUser
) -> None:
    user.send_photo(caption="rumah warga")
    photo = user.last_photo
    assert photo is not None
    file = await bot.get_file(photo.file_id)
    assert bytes(await file.download_as_bytearray()).startswith(b"\xff\xd8")
    uploaded = await bot.send_photo(
        USER_ID, b"\xff\xd8fake", caption="<i>bukti</i>", parse_mode="HTML"
    )
    assert uploaded.caption == "bukti" and len(uploaded.photo) == 3
    resent = await bot.send_photo(-1001234567890, photo.file_id)
    assert resent.photo[-1].file_unique_id == photo.file_unique_id
    album = await bot.send_media_group(
        USER_ID, [telegram.InputMediaPhoto(b"a"), telegram.InputMediaPhoto(photo.file_id)]
    )
    assert len({m.media_group_id for m in album}) == 1
    document = await bot.send_document(USER_ID, b"%PDF", filename="laporan.pdf")
    assert document.document is not None and document.document.file_name == "laporan.pdf"
    copied = await bot.copy_message(-1001234567890, USER_ID, photo.message["message_id"])
    assert server.sent_to(-1001234567890)[-1]["message_id"] == copied.message_id
    chat = await bot.get_chat(USER_ID)
    assert chat.first_name == "Siti"
    assert (await bot.get_me()).username == "psm_test_bot"
    with pytest.raises(telegram.error.BadRequest, match=r"(?i)type of file mismatch"):
        await bot.send_document(USER_ID, photo.file_id)
    server.block_chat(USER_ID)
    with pytest.raises(telegram.error.Forbidden):
        await bot.send_message(USER_ID, "halo")
    server.assert_no_rejections(allow=["type of file mismatch"])


async def test_ptb_application_polls_replies_and_stops_quickly(
    server: FakeTelegramServer, user: FakeUser
) -> None:
    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Halo <b>Siti</b>", parse_mode="HTML")

    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    loop = asyncio.get_running_loop()
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        mark = server.mark()
        user.send_text("/start")
        reply = await server.wait_for_message(USER_ID, since_index=mark, timeout=2)
        stopping = loop.time()
        await app.updater.stop()
        await app.stop()
    assert loop.time() - stopping < 0.5
    assert reply["text"] == "Halo Siti"
    assert server.pending_updates == []  # the final getUpdates confirmed the /start update
    server.assert_no_rejections()


async def test_deleted_messages_leave_sent_to_and_cannot_be_deleted_twice(
    api: Api, server: FakeTelegramServer
) -> None:
    sent = (await api("sendMessage", chat_id=USER_ID, text="sementara"))[1]["result"]
    ids = {"chat_id": USER_ID, "message_id": sent["message_id"]}
    assert (await api("deleteMessage", **ids))[0] == 200
    assert server.sent_to(USER_ID) == []
    status, body = await api("deleteMessage", **ids)
    assert (status, body["description"]) == (400, "Bad Request: message to delete not found")


async def test_union_members_are_told_apart_by_their_type_field(api: Api) -> None:
    commands = [{"command": "lapor", "description": "Lapor"}]
    status, body = await api("setMyCommands", commands=commands, scope={"type": "chats"})
    assert status == 400
    assert body["description"].startswith("Bad Request: field scope.type must be one of default")
    status, body = await api("setMyCommands", commands=commands, scope={"type": "chat"})
    assert body["description"] == "Bad Request: field scope.chat_id is required"


async def test_webhook_must_be_https_and_then_blocks_polling(api: Api) -> None:
    status, body = await api("setWebhook", url="http://bot.example.go.id/hook")
    assert status == 400 and "HTTPS URL must be provided" in body["description"]
    status, _ = await api("setWebhook", url="https://bot.example.go.id/hook", secret_token="abc")
    assert status == 200
    status, body = await api("getUpdates")
    assert status == 409 and "webhook is active" in body["description"]
    assert (await api("getWebhookInfo"))[1]["result"]["url"] == "https://bot.example.go.id/hook"


async def test_listeners_see_every_answered_request(server: FakeTelegramServer, api: Api) -> None:
    seen: list[tuple[str, bool, str | None]] = []
    server.listeners.append(lambda r: seen.append((r.method, r.ok, r.error)))
    await api("sendMessage", chat_id=USER_ID, text="halo")
    await api("sendMessage", chat_id=USER_ID, text="<i>halo", parse_mode="HTML")
    assert seen[0] == ("sendMessage", True, None)
    assert seen[1][:2] == ("sendMessage", False) and "can't parse entities" in str(seen[1][2])
