"""Steps about what happened: description, urgency, photos."""

from __future__ import annotations

from telegram import Update

from bot.cases.attachments import Refused
from bot.runtime.answers import DESCRIPTION_LENGTH, bounded_text
from bot.runtime.context import BotContext
from handlers.cases.files import refusal
from handlers.cases.report.buttons import Photos, PhotosAct, Urgent
from handlers.cases.report.files import drop_voice
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.keyboards import grid
from handlers.replies import mark_chosen, typed_text

MAX_PHOTOS = 10


async def enter_description(update: Update, context: BotContext) -> Step:
    """Record what happened."""
    with REPORT.edit(context) as draft:
        draft.description = bounded_text(typed_text(update), DESCRIPTION_LENGTH, "description")
        draft.files = drop_voice(draft.files)
    return await REPORT.proceed(update, context, Step.DESCRIPTION)


async def choose_urgency(update: Update, context: BotContext) -> Step:
    """Record how urgent the case is."""
    level = REPORT.tapped(update, Urgent).level
    with REPORT.edit(context) as draft:
        draft.urgency = level.value
    await mark_chosen(update, context.t(f"urgency-{level}"))
    return await REPORT.proceed(update, context, Step.URGENCY)


async def add_photo(update: Update, context: BotContext) -> Step:
    """Keep a photo (or an image sent as a file) and offer to finish."""
    message = update.message
    assert message is not None
    media = message.photo[-1] if message.photo else message.document
    assert media is not None
    if len(REPORT.draft(context).photos) >= MAX_PHOTOS:
        full = context.t("report-photos-full", max=MAX_PHOTOS)
        return await REPORT.ask(update, context, Step.PHOTOS, full)
    with REPORT.edit(context) as draft:
        if all(unique != media.file_unique_id for _, unique in draft.photos):
            draft.photos.append([media.file_id, media.file_unique_id])
    done = grid([(context.t("button-photos-done"), Photos(PhotosAct.DONE).encode())])
    added = context.t("report-photo-added", count=len(draft.photos))
    return await REPORT.say(update, context, added, done)


async def not_an_image(update: Update, context: BotContext) -> Step:
    """Explain which files the photo step accepts, and their size limit."""
    refused = refusal(context, Refused("file-wrong-type"))
    return await REPORT.ask(update, context, Step.PHOTOS, refused)


async def photos_done(update: Update, context: BotContext) -> Step:
    """Finish the photos and go on."""
    count = len(REPORT.draft(context).photos)
    await mark_chosen(update, context.t("report-photos-count", count=count))
    return await REPORT.proceed(update, context, Step.PHOTOS)


async def photos_clear(update: Update, context: BotContext) -> Step:
    """Drop the photos added so far and ask again."""
    with REPORT.edit(context) as draft:
        draft.photos = []
    await mark_chosen(update, context.t("button-photos-clear"))
    return await REPORT.ask(update, context, Step.PHOTOS)
