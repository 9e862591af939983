"""Send a case's voice notes or documents to someone allowed to see the case."""

from __future__ import annotations

from telegram import CallbackQuery, InputFile, Update
from telegram.error import BadRequest

from bot.cases.attachments import Held, case_files
from bot.cases.buttons import CaseFiles
from bot.runtime.context import BotContext
from handlers.cases.view import read_for_tapper
from storage.attachments import AttachmentKind


async def show_files(update: Update, context: BotContext) -> None:
    """Send the case's voice notes or documents, each captioned with the case number."""
    query = update.callback_query
    button = CaseFiles.decode(query.data if query else None)
    assert query is not None and button is not None
    found = await read_for_tapper(
        update, context, lambda s, i, t: case_files(s, i, button.case_id, button.kind, t)
    )
    if found is None:
        return
    case, files = found
    await query.answer()
    for held in files:
        await _send(context, query, held, case.number)


async def _send(context: BotContext, query: CallbackQuery, held: Held, number: str) -> None:
    """Send by Telegram's id; by the local copy when Telegram no longer keeps the file."""
    try:
        await _send_as(context, query, held, held.file_id, number)
    except BadRequest:
        if held.data is None:
            raise
        copy = InputFile(held.data, filename=held.file_name or f"{held.kind}-{number}")
        await _send_as(context, query, held, copy, number)


async def _send_as(
    context: BotContext, query: CallbackQuery, held: Held, source: str | InputFile, number: str
) -> None:
    if held.kind == AttachmentKind.VOICE:
        caption = context.t("voice-note-caption", number=number)
        await context.bot.send_voice(query.from_user.id, source, caption=caption)
    else:
        caption = context.t("document-caption", number=number)
        await context.bot.send_document(query.from_user.id, source, caption=caption)
