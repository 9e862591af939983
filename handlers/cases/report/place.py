"""Steps about where: kecamatan, kelurahan, address, optional GPS."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update

from bot.runtime.answers import ADDRESS_LENGTH, BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.cases.report.prompts import ask, proceed
from handlers.cases.report.steps import Step
from handlers.replies import mark_chosen


def _code(update: Update) -> str:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.rsplit(":", 1)[-1]


async def choose_kecamatan(update: Update, context: BotContext) -> Step:
    """Record the kecamatan and offer its kelurahan."""
    kecamatan = context.services.regions.get_kecamatan(_code(update))
    if kecamatan is None:
        return await ask(update, context, Step.KECAMATAN, context.t("wrong-stale-button"))
    draft = context.draft
    draft.kecamatan, draft.kelurahan = kecamatan.code, None
    context.draft = draft
    await mark_chosen(update, kecamatan.name)
    return await proceed(update, context, Step.KECAMATAN)


async def choose_own_kelurahan(update: Update, context: BotContext) -> Step:
    """Take the PSM's own kelurahan in one tap."""
    draft = context.draft
    kelurahan = context.services.regions.get_kelurahan(draft.home_kelurahan or "")
    if kelurahan is None:
        return await ask(update, context, Step.KECAMATAN, context.t("wrong-stale-button"))
    draft.kecamatan, draft.kelurahan = kelurahan.kecamatan_code, kelurahan.code
    context.draft = draft
    await mark_chosen(update, kelurahan.name)
    return await proceed(update, context, Step.KELURAHAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Step:
    """Record the kelurahan, which must lie in the chosen kecamatan."""
    draft = context.draft
    kelurahan = context.services.regions.get_kelurahan(_code(update))
    if kelurahan is None or kelurahan.kecamatan_code != draft.kecamatan:
        return await ask(update, context, Step.KELURAHAN, context.t("wrong-stale-button"))
    draft.kelurahan = kelurahan.code
    context.draft = draft
    await mark_chosen(update, kelurahan.name)
    return await proceed(update, context, Step.KELURAHAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Step:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await ask(update, context, Step.KECAMATAN)


async def enter_address(update: Update, context: BotContext) -> Step:
    """Record the street address with RT/RW."""
    assert update.message is not None and update.message.text is not None
    try:
        address = bounded_text(update.message.text, ADDRESS_LENGTH, "address")
    except BadAnswer as bad:
        return await ask(update, context, Step.ADDRESS, context.t(bad.key, **bad.args_))
    draft = context.draft
    draft.address = address
    context.draft = draft
    return await proceed(update, context, Step.ADDRESS)


async def share_location(update: Update, context: BotContext) -> Step:
    """Record the GPS point shared with Telegram's location button."""
    assert update.message is not None and update.message.location is not None
    draft = context.draft
    draft.latitude = update.message.location.latitude
    draft.longitude = update.message.location.longitude
    draft.location_skipped = False
    context.draft = draft
    await update.message.reply_text(
        context.t("report-location-ok"), reply_markup=ReplyKeyboardRemove()
    )
    return await proceed(update, context, Step.LOCATION)


async def skip_location(update: Update, context: BotContext) -> Step:
    """Go on without GPS."""
    assert update.message is not None
    draft = context.draft
    draft.latitude = draft.longitude = None
    draft.location_skipped = True
    context.draft = draft
    await update.message.reply_text(
        context.t("report-location-skipped"), reply_markup=ReplyKeyboardRemove()
    )
    return await proceed(update, context, Step.LOCATION)
