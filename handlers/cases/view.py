"""Show one case, or its photos, to someone allowed to see it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from textwrap import shorten
from typing import Any, TypeVar

from telegram import InlineKeyboardMarkup, InputMediaPhoto, Message, Update
from telegram.error import BadRequest

from bot.cases.buttons import CaseHistory, CasePhotos
from bot.cases.lifecycle import AccessDenied
from bot.cases.reading import case_history, case_photos, view_case
from bot.cases.replies import is_card, remember
from bot.runtime.context import BotContext
from bot.runtime.texts import MAX_MESSAGE, first_that_fit, telegram_length
from handlers.cases.render import case_detail, event_line

T = TypeVar("T")
# A reading service of bot/cases: (session, the reader's Telegram id, now) -> what they may see.
Reading = Callable[[Any, int, datetime], Awaitable[T]]
# Telegram albums hold two to ten items.
ALBUM = 10
# A caption holds 1024 characters; the case number and a note this long fit.
CAPTION_NOTE = 900


async def show_case(
    update: Update,
    context: BotContext,
    case_id: int,
    note: str = "",
    *,
    in_place: bool = False,
    card: int | None = None,
) -> bool:
    """Show the case's card and the actions its viewer may take; False when refused.

    The card the update came from (`in_place`, a tap on it) or the one named by `card` is
    edited in place, so a chat keeps one living card per case; anything else (a notice, an
    old card, a list) gets a new card, with `note` above it.
    """
    assert update.effective_user is not None and update.effective_chat is not None
    query, services = update.callback_query, context.services
    if card is None and in_place and query is not None and query.message is not None:
        card = query.message.message_id
    try:
        async with services.sessions.begin() as session:
            view = await view_case(
                session, update.effective_user.id, case_id, services.clock.now(), services.cipher
            )
            editable = card is not None and await is_card(
                session, update.effective_chat.id, card, case_id
            )
    except AccessDenied:
        await refuse(update, context)
        return False
    text, buttons = case_detail(context, view)
    if editable and card is not None and await _edit(update, context, card, text, buttons):
        return True
    if note:
        text = type(text)(f"{note}\n\n{text}")
    sent = await context.bot.send_message(update.effective_chat.id, text, reply_markup=buttons)
    async with services.sessions.begin() as session:
        now = services.clock.now()
        await remember(session, sent.chat_id, sent.message_id, case_id, now, card=True)
    return True


async def _edit(
    update: Update, context: BotContext, card: int, text: str, buttons: InlineKeyboardMarkup
) -> bool:
    """Put the case in its card; False when Telegram will not edit it (too old, deleted)."""
    assert update.effective_chat is not None
    query = update.callback_query
    shown = query.message if query else None
    if isinstance(shown, Message) and shown.message_id == card and _shows(shown, text, buttons):
        return True  # Telegram refuses an edit that changes nothing
    try:
        await context.bot.edit_message_text(
            text, chat_id=update.effective_chat.id, message_id=card, reply_markup=buttons
        )
    except BadRequest as refused:
        return "not modified" in refused.message
    return True


def _shows(message: Message, text: str, buttons: InlineKeyboardMarkup) -> bool:
    return (message.text_html, message.reply_markup) == (text, buttons)


async def refuse(update: Update, context: BotContext) -> None:
    """Say no without telling whether the case exists: its number is itself information."""
    if update.callback_query:
        await update.callback_query.answer(context.t("case-refused"), show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(context.t("case-refused"))


async def read_for_tapper(update: Update, context: BotContext, read: Reading[T]) -> T | None:
    """What `read` gives whoever tapped, in one (audited) transaction; None once they are told
    they may not see the case."""
    assert update.effective_user is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            return await read(session, update.effective_user.id, services.clock.now())
    except AccessDenied:
        await refuse(update, context)
        return None


async def show_photos(update: Update, context: BotContext) -> None:
    """Send a case's photos as albums to someone allowed to see the case."""
    query = update.callback_query
    button = CasePhotos.decode(query.data if query else None)
    assert query is not None and button is not None
    found = await read_for_tapper(
        update, context, lambda s, i, t: case_photos(s, i, button.case_id, t)
    )
    if found is None:
        return
    case, photos = found
    await query.answer()
    captions = [_caption(context, case.number, note) for _, note in photos]
    for start in range(0, len(photos), ALBUM):
        files = [file_id for file_id, _ in photos[start : start + ALBUM]]
        chunk = list(zip(files, captions[start : start + ALBUM], strict=True))
        if len(chunk) == 1:
            await context.bot.send_photo(query.from_user.id, chunk[0][0], caption=chunk[0][1])
        else:
            album = [InputMediaPhoto(file_id, caption=caption) for file_id, caption in chunk]
            await context.bot.send_media_group(query.from_user.id, album)


async def show_history(update: Update, context: BotContext) -> None:
    """Send a case's whole timeline (the newest events that fit one message)."""
    query = update.callback_query
    button = CaseHistory.decode(query.data if query else None)
    assert query is not None and button is not None
    found = await read_for_tapper(
        update, context, lambda s, i, t: case_history(s, i, button.case_id, t)
    )
    if found is None:
        return
    case, events = found
    await query.answer()
    header = context.t("case-history", number=case.number)
    lines = [event_line(context, event, name) for event, name in reversed(events)]
    room = MAX_MESSAGE - telegram_length(header) - 2
    text = "\n".join([header, "", *first_that_fit(lines, room)[::-1]])
    await context.bot.send_message(query.from_user.id, text)


def _caption(context: BotContext, number: str, note: str | None) -> str:
    """The case number, and what the sender wrote with the photo (cut to fit a caption)."""
    if not note:
        return number
    return context.t(
        "case-photo-caption", number=number, note=shorten(note, CAPTION_NOTE, placeholder="…")
    )
