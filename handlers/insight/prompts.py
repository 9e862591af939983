"""The questions of /rekap (which area, which period) and the choice kept between them."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import IntEnum

from telegram import InlineKeyboardMarkup, Update

from bot import stored
from bot.context import BotContext
from bot.insight.labels import Labels
from bot.insight.periods import Preset
from bot.insight.scope import CITY, MINE, area_choices
from bot.people import get_user
from handlers.insight import callbacks
from handlers.keyboards import grid

DRAFT_KEY = "rekap"


class Step(IntEnum):
    AREA = 0
    PERIOD = 1


@dataclass
class RekapDraft:
    step: int = Step.AREA
    area: str = ""


def get_draft(context: BotContext) -> RekapDraft:
    try:
        return stored.load(context.user_data, DRAFT_KEY, RekapDraft)
    except LookupError:
        return RekapDraft()


def set_draft(context: BotContext, draft: RekapDraft | None) -> None:
    stored.store(context.user_data, DRAFT_KEY, draft)


def labels_of(context: BotContext) -> Labels:
    """Names in the current user's language."""
    services = context.services
    return Labels(
        services.texts, context.locale, services.regions, services.categories, services.sectors
    )


def area_label(context: BotContext, area: str) -> str:
    if area == CITY:
        return html.unescape(context.t("rekap-area-city", city=context.services.regions.city))
    if area == MINE:
        return html.unescape(context.t("rekap-area-mine"))
    return context.services.regions.name_of(area)


async def choices(update: Update, context: BotContext) -> list[str]:
    """The areas the user may ask about now (empty when they may not use /rekap)."""
    assert update.effective_user is not None
    async with context.services.sessions() as session:
        actor = await get_user(session, update.effective_user.id)
    return area_choices(actor, context.services.regions)


async def ask(update: Update, context: BotContext, step: Step, note: str | None = None) -> Step:
    """Ask for the area or the period (after an optional note) and remember the step."""
    draft = get_draft(context)
    draft.step = step
    set_draft(context, draft)
    if step == Step.AREA:
        first, *rest = [
            (area_label(context, a), callbacks.area(a)) for a in await choices(update, context)
        ]
        rows = [*grid([first]).inline_keyboard, *grid(rest, columns=2).inline_keyboard]
        text, markup = context.t("rekap-ask-area"), InlineKeyboardMarkup(rows)
    else:
        presets = [(context.t(f"rekap-button-{p.value}"), callbacks.period(p)) for p in Preset]
        text, markup = context.t("rekap-ask-period"), grid(presets, columns=3)
    assert update.effective_chat is not None
    body = f"{note}\n\n{text}" if note else text
    await context.bot.send_message(update.effective_chat.id, body, reply_markup=markup)
    return step
