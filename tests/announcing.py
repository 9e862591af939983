"""Shared steps of the announcement tests: the people, composing, publishing, answering."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from storage.people import Role
from tests.factories import TANGERANG, add_user
from tests.harness import BotHarness, Chat, Message, Reply
from tests.texts import said

JAKARTA = ZoneInfo("Asia/Jakarta")
COORDINATOR = 2001
OTHER_COORDINATOR = 2002
# Two PSM in Kec. Tangerang, one in Kec. Cipondoh, one in Kec. Ciledug.
SITI, RUDI, DEWI, EKO = 1001, 1002, 1003, 1004
TANGERANG_PSM = (SITI, RUDI)
CIPONDOH_KELURAHAN = "3671051001"
CILEDUG_KELURAHAN = "3671061001"
BODY = "Pelatihan pendampingan lansia untuk PSM. Mohon membawa alat tulis."
VENUE = "Aula Dinas Sosial, Jl. Satria Sudirman No. 1"
EVENT = "15-12-2026 09:00"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of December 2026 in Tangerang."""
    return datetime(2026, 12, day, hour, minute, tzinfo=JAKARTA)


def when(moment: datetime, locale: str = "id") -> str:
    """A moment as announcements name it ("Selasa, 15 Desember 2026, pukul 09:00 WIB")."""
    local = moment.astimezone(JAKARTA)
    return said(
        "announce-when",
        locale,
        weekday=local.weekday(),
        day=str(local.day),
        month=local.month,
        year=str(local.year),
        time=local.strftime("%H:%M"),
        zone="WIB",
    )


async def add_people(schema: str) -> None:
    await add_user(
        schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,), name="Pak Budi"
    )
    await add_user(schema, SITI, name="Siti Aminah")
    await add_user(schema, RUDI, name="Rudi Hartono", locale="en")
    await add_user(schema, DEWI, kelurahan=CIPONDOH_KELURAHAN, name="Dewi Lestari")
    await add_user(schema, EKO, kelurahan=CILEDUG_KELURAHAN, name="Eko Prasetyo")


async def compose(
    chat: Chat,
    *,
    title: str = "Bimtek Pendampingan Lansia",
    event: str = EVENT,
    audience: tuple[str, ...] = ("Semua PSM",),
    send: str | None = None,
) -> Reply:
    """Answer every question; `audience` is the buttons to tap. Returns the preview."""
    await chat.send("/pengumuman")
    await chat.tap(said("button-announce-new"))
    await chat.send(title)
    await chat.send(BODY)
    await chat.send(event)
    await chat.send(VENUE)
    for label in audience:
        await chat.tap(label)
    if send is None:
        return await chat.tap(said("button-announce-send-now"))
    return await chat.send(send)


async def publish(chat: Chat, **answers: Any) -> str:
    """Compose, confirm, and return the attendance code."""
    await compose(chat, **answers)
    saved = (await chat.tap(said("button-announce-submit"))).says("announce-saved")
    assert saved and re.fullmatch(r"[A-Z0-9]{6}", saved["code"]), saved
    return saved["code"]


def invitation(harness: BotHarness, chat_id: int) -> Message:
    """The newest message in the chat with RSVP buttons."""
    for message in reversed(harness.telegram.sent_to(chat_id)):
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        if any(b.get("callback_data", "").startswith("ar:") for row in rows for b in row):
            return message
    raise AssertionError(f"no invitation in chat {chat_id}")


async def rsvp(harness: BotHarness, chat_id: int, answer: str) -> str:
    """Answer "yes" or "no" on the newest invitation; returns the alert the bot showed."""
    message = invitation(harness, chat_id)
    data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    announcement_id = data.split(":")[1]
    await harness.user(chat_id).tap_data(f"ar:{announcement_id}:{answer}", message)
    return last_alert(harness)


def last_alert(harness: BotHarness) -> str:
    """The text of the bot's newest answer to a button press."""
    for request in reversed(harness.telegram.requests):
        if request.method == "answerCallbackQuery":
            return str(request.params.get("text") or "")
    raise AssertionError("no answerCallbackQuery")


def texts_to(harness: BotHarness, chat_id: int) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in harness.telegram.sent_to(chat_id)]
