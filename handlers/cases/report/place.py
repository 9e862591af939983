"""Steps about where: kecamatan, kelurahan, address, optional GPS."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update

from bot.runtime.answers import ADDRESS_LENGTH, bounded_text
from bot.runtime.context import BotContext
from handlers.cases.report.buttons import Kecamatan, Kelurahan
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.replies import mark_chosen, typed_text


async def choose_kecamatan(update: Update, context: BotContext) -> Step:
    """Record the kecamatan and offer its kelurahan."""
    kecamatan = context.services.regions.get_kecamatan(REPORT.tapped(update, Kecamatan).code)
    if kecamatan is None:
        return await REPORT.stale_button(update, context)
    with REPORT.edit(context) as draft:
        draft.kecamatan, draft.kelurahan = kecamatan.code, None
    await mark_chosen(update, kecamatan.name)
    return await REPORT.proceed(update, context, Step.KECAMATAN)


async def choose_own_kelurahan(update: Update, context: BotContext) -> Step:
    """Take the PSM's own kelurahan in one tap."""
    regions = context.services.regions
    kelurahan = regions.get_kelurahan(REPORT.draft(context).home_kelurahan or "")
    if kelurahan is None:
        return await REPORT.stale_button(update, context)
    with REPORT.edit(context) as draft:
        draft.kecamatan, draft.kelurahan = kelurahan.kecamatan_code, kelurahan.code
    await mark_chosen(update, kelurahan.name)
    return await REPORT.proceed(update, context, Step.KELURAHAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Step:
    """Record the kelurahan, which must lie in the chosen kecamatan."""
    kelurahan = context.services.regions.get_kelurahan(REPORT.tapped(update, Kelurahan).code)
    if kelurahan is None or kelurahan.kecamatan_code != REPORT.draft(context).kecamatan:
        return await REPORT.stale_button(update, context)
    with REPORT.edit(context) as draft:
        draft.kelurahan = kelurahan.code
    await mark_chosen(update, kelurahan.name)
    return await REPORT.proceed(update, context, Step.KELURAHAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Step:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await REPORT.ask(update, context, Step.KECAMATAN)


async def enter_address(update: Update, context: BotContext) -> Step:
    """Record the street address with RT/RW."""
    with REPORT.edit(context) as draft:
        draft.address = bounded_text(typed_text(update), ADDRESS_LENGTH, "address")
    return await REPORT.proceed(update, context, Step.ADDRESS)


async def share_location(update: Update, context: BotContext) -> Step:
    """Record the GPS point shared with Telegram's location button."""
    assert update.message is not None and update.message.location is not None
    with REPORT.edit(context) as draft:
        draft.latitude = update.message.location.latitude
        draft.longitude = update.message.location.longitude
        draft.location_skipped = False
    # The location keyboard is a reply keyboard: only a message of its own can remove it.
    done = (context.t("report-location-ok"), ReplyKeyboardRemove())
    return await REPORT.proceed(update, context, Step.LOCATION, first=done)


async def skip_location(update: Update, context: BotContext) -> Step:
    """Go on without GPS."""
    with REPORT.edit(context) as draft:
        draft.latitude = draft.longitude = None
        draft.location_skipped = True
    done = (context.t("report-location-skipped"), ReplyKeyboardRemove())
    return await REPORT.proceed(update, context, Step.LOCATION, first=done)
