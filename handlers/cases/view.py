"""Show one case, or its photos, to someone allowed to see it."""

from __future__ import annotations

from textwrap import shorten

from telegram import InputMediaPhoto, Update

from bot.cases.buttons import CasePhotos
from bot.cases.lifecycle import AccessDenied
from bot.cases.reading import case_photos, view_case
from bot.runtime.context import BotContext
from handlers.cases.render import case_detail

# Telegram albums hold two to ten items.
ALBUM = 10
# A caption holds 1024 characters; the case number and a note this long fit.
CAPTION_NOTE = 900


async def show_case(update: Update, context: BotContext, case_id: int, note: str = "") -> bool:
    """Send the case's details and the actions its viewer may take; False when refused."""
    assert update.effective_user is not None and update.effective_chat is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            view = await view_case(
                session, update.effective_user.id, case_id, services.clock.now(), services.cipher
            )
    except AccessDenied:
        await refuse(update, context)
        return False
    text, buttons = case_detail(context, view)
    if note:
        text = type(text)(f"{note}\n\n{text}")
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=buttons)
    return True


async def refuse(update: Update, context: BotContext) -> None:
    """Say no without telling whether the case exists: its number is itself information."""
    if update.callback_query:
        await update.callback_query.answer(context.t("case-refused"), show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(context.t("case-refused"))


async def show_photos(update: Update, context: BotContext) -> None:
    """Send a case's photos as albums to someone allowed to see the case."""
    query = update.callback_query
    button = CasePhotos.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            case, photos = await case_photos(
                session, update.effective_user.id, button.case_id, services.clock.now()
            )
    except AccessDenied:
        await refuse(update, context)
        return
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


def _caption(context: BotContext, number: str, note: str | None) -> str:
    """The case number, and what the sender wrote with the photo (cut to fit a caption)."""
    if not note:
        return number
    return context.t(
        "case-photo-caption", number=number, note=shorten(note, CAPTION_NOTE, placeholder="…")
    )
