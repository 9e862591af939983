"""The fake Telegram server rejects what Telegram rejects: schema, limits, HTML, files."""

from __future__ import annotations

import httpx
import pytest

from bot.sandbox.telegram import FakeTelegramServer, FakeUser, parse_html
from tests.sandbox.conftest import USER_ID, Api, keyboard


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
