"""Steps about what happened: description, urgency, photos."""

from __future__ import annotations

from telegram import Update

from bot.runtime.answers import DESCRIPTION_LENGTH, BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.cases.report.prompts import URGENCIES, ask, proceed
from handlers.cases.report.steps import Step
from handlers.keyboards import grid
from handlers.replies import mark_chosen

MAX_PHOTOS = 10


async def enter_description(update: Update, context: BotContext) -> Step:
    """Record what happened."""
    assert update.message is not None and update.message.text is not None
    try:
        text = bounded_text(update.message.text, DESCRIPTION_LENGTH, "description")
    except BadAnswer as bad:
        return await ask(update, context, Step.DESCRIPTION, context.t(bad.key, **bad.args_))
    draft = context.draft
    draft.description = text
    context.draft = draft
    return await proceed(update, context, Step.DESCRIPTION)


async def choose_urgency(update: Update, context: BotContext) -> Step:
    """Record how urgent the case is."""
    assert update.callback_query is not None and update.callback_query.data is not None
    urgency = update.callback_query.data.rsplit(":", 1)[-1]
    if urgency not in URGENCIES:
        return await ask(update, context, Step.URGENCY, context.t("wrong-stale-button"))
    draft = context.draft
    draft.urgency = urgency
    context.draft = draft
    await mark_chosen(update, context.t(f"urgency-{urgency}"))
    return await proceed(update, context, Step.URGENCY)


async def add_photo(update: Update, context: BotContext) -> Step:
    """Keep a photo (or an image sent as a file) and offer to finish."""
    message = update.message
    assert message is not None
    media = message.photo[-1] if message.photo else message.document
    assert media is not None
    draft = context.draft
    if len(draft.photos) >= MAX_PHOTOS:
        return await ask(
            update, context, Step.PHOTOS, context.t("report-photos-full", max=MAX_PHOTOS)
        )
    if all(unique != media.file_unique_id for _, unique in draft.photos):
        draft.photos.append([media.file_id, media.file_unique_id])
    context.draft = draft
    done = grid([(context.t("button-photos-done"), "r:photos:done")])
    await message.reply_text(
        context.t("report-photo-added", count=len(draft.photos)), reply_markup=done
    )
    return Step.PHOTOS


async def photos_done(update: Update, context: BotContext) -> Step:
    """Finish the photos and go on."""
    await mark_chosen(update, context.t("report-photos-count", count=len(context.draft.photos)))
    return await proceed(update, context, Step.PHOTOS)


async def photos_clear(update: Update, context: BotContext) -> Step:
    """Drop the photos added so far and ask again."""
    draft = context.draft
    draft.photos = []
    context.draft = draft
    await mark_chosen(update, context.t("button-photos-clear"))
    return await ask(update, context, Step.PHOTOS)
