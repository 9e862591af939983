"""PTB parses what the fake Telegram server answers, and runs an application against it."""

from __future__ import annotations

import asyncio

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.sandbox.telegram import FakeTelegramServer, FakeUser
from tests.sandbox.conftest import USER_ID, Api


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


async def test_bots_upload_files_up_to_50_mb_and_download_up_to_20_mb(
    bot: telegram.Bot, server: FakeTelegramServer, user: FakeUser
) -> None:
    big = b"x" * (45 * 1024 * 1024)
    sent = await bot.send_document(USER_ID, big, filename="rekap.csv")
    assert sent.document is not None and sent.document.file_size == len(big)
    user.send_document("roster.xlsx", "application/octet-stream", data=b"y" * (19 * 1024 * 1024))
    [update] = await bot.get_updates(timeout=1)
    assert update.message is not None and update.message.document is not None
    file = await bot.get_file(update.message.document.file_id)
    assert len(await file.download_as_bytearray()) == 19 * 1024 * 1024
    user.send_document("huge.xlsx", "application/octet-stream", data=b"z" * (21 * 1024 * 1024))
    [too_big] = await bot.get_updates(offset=update.update_id + 1, timeout=1)
    assert too_big.message is not None and too_big.message.document is not None
    with pytest.raises(telegram.error.BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(too_big.message.document.file_id)
    server.assert_no_rejections(allow=["file is too big"])
