"""Voice and documents in /lapor: what happened told by voice, a PDF at the photo step."""

from __future__ import annotations

from telegram import Update

from bot.cases.attachments import MAX_PER_REPORT, Held, Refused, length
from bot.runtime.context import BotContext
from handlers.cases.files import held_from, refusal, voice_text
from handlers.cases.report.buttons import Photos, PhotosAct
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.keyboards import grid
from storage.attachments import AttachmentKind


async def enter_voice(update: Update, context: BotContext) -> Step:
    """Take a voice note as the account of what happened."""
    assert update.message is not None
    try:
        held = held_from(update.message)
    except Refused as refused:
        return await REPORT.ask(update, context, Step.DESCRIPTION, refusal(context, refused))
    with REPORT.edit(context) as draft:
        # The latest account wins: a new voice note replaces an earlier one.
        draft.files = [f for f in draft.files if f["kind"] != AttachmentKind.VOICE]
        draft.files.append(held.to_draft())
        draft.description = voice_text(context, held)
    added = context.t("report-voice-added", length=length(held.duration))
    return await REPORT.proceed(update, context, Step.DESCRIPTION, added)


def drop_voice(files: list[dict[str, object]]) -> list[dict[str, object]]:
    """The draft's files without its voice note, once the account is typed instead."""
    return [f for f in files if f["kind"] != AttachmentKind.VOICE]


async def add_document(update: Update, context: BotContext) -> Step:
    """Keep a PDF at the photo step, or say kindly which files are accepted."""
    message = update.message
    assert message is not None
    try:
        held = held_from(message)
    except Refused as refused:
        return await REPORT.ask(update, context, Step.PHOTOS, refusal(context, refused))
    documents = [f for f in REPORT.draft(context).files if f["kind"] == AttachmentKind.DOCUMENT]
    if len(documents) >= MAX_PER_REPORT:
        full = context.t("report-documents-full", max=MAX_PER_REPORT)
        return await REPORT.ask(update, context, Step.PHOTOS, full)
    with REPORT.edit(context) as draft:
        if all(Held.from_draft(f).file_unique_id != held.file_unique_id for f in draft.files):
            draft.files.append(held.to_draft())
    await REPORT.commit(update, context, Step.PHOTOS)
    done = grid([(context.t("button-photos-done"), Photos(PhotosAct.DONE).encode())])
    count = len([f for f in draft.files if f["kind"] == AttachmentKind.DOCUMENT])
    await message.reply_text(context.t("report-document-added", count=count), reply_markup=done)
    return Step.PHOTOS
