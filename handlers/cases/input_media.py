"""What a case note or answer may carry besides words: photos, voice notes, PDFs."""

from __future__ import annotations

from telegram import Update

from bot.cases.attachments import Refused
from bot.cases.lifecycle import Action
from bot.runtime.context import BotContext
from handlers.cases.files import held_from, refusal, voice_text
from handlers.cases.input import CASE_INPUT, Input, finish
from storage.attachments import AttachmentKind

# A note, and the answer to a coordinator's question, may be spoken.
BY_VOICE = (Action.NOTE.value, Action.ANSWER.value)


async def add_photo(update: Update, context: BotContext) -> Input | int:
    """Keep a photo for a note; with a caption it is the note itself."""
    message = update.message
    assert message is not None
    # An image sent as a file is a photo too.
    media = message.photo[-1] if message.photo else message.document
    assert media is not None
    if CASE_INPUT.draft(context).action != Action.NOTE:
        return await CASE_INPUT.ask(update, context, Input.TEXT, context.t("wrong-need-text"))
    with CASE_INPUT.edit(context) as draft:
        draft.photos.append([media.file_id, media.file_unique_id])
    if message.caption:
        return await finish(update, context, message.caption)
    added = context.t("case-photo-added", count=len(draft.photos))
    return await CASE_INPUT.say(update, context, added)


async def add_voice(update: Update, context: BotContext) -> Input | int:
    """Take a voice note as the note or the answer itself."""
    assert update.message is not None
    if CASE_INPUT.draft(context).action not in BY_VOICE:
        return await CASE_INPUT.ask(update, context, Input.TEXT, context.t("wrong-need-text"))
    try:
        held = held_from(update.message)
    except Refused as refused:
        return await CASE_INPUT.ask(update, context, Input.TEXT, refusal(context, refused))
    with CASE_INPUT.edit(context) as draft:
        draft.files.append(held.to_draft())
    return await finish(update, context, voice_text(context, held))


async def add_document(update: Update, context: BotContext) -> Input | int:
    """Keep a PDF for a note; with a caption it is the note itself."""
    message = update.message
    assert message is not None
    try:
        if CASE_INPUT.draft(context).action != Action.NOTE:
            raise Refused("case-file-refused")
        held = held_from(message)
    except Refused as refused:
        return await CASE_INPUT.ask(update, context, Input.TEXT, refusal(context, refused))
    with CASE_INPUT.edit(context) as draft:
        draft.files.append(held.to_draft())
    if message.caption:
        return await finish(update, context, message.caption)
    await CASE_INPUT.commit(update, context, Input.TEXT)
    count = sum(1 for f in draft.files if f["kind"] == AttachmentKind.DOCUMENT)
    await message.reply_text(context.t("case-document-added", count=count))
    return Input.TEXT
