"""The /rekap wizard: which area (admins, coordinators of several kecamatan), which period."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from enum import IntEnum

from telegram import InlineKeyboardMarkup

from bot.insight.labels import Labels
from bot.insight.periods import Preset
from bot.insight.scope import CITY, MINE
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.keyboards import grid
from handlers.wizard import Markup, Texts, Wizard


class Step(IntEnum):
    AREA = 0
    PERIOD = 1


@dataclass(frozen=True)
class AreaChoice(Callback, prefix="rk:a"):
    area: str  # a kecamatan code, CITY or MINE


@dataclass(frozen=True)
class PeriodChoice(Callback, prefix="rk:p"):
    preset: Preset


@dataclass
class RekapDraft:
    area: str = ""
    # The areas the user oversaw when asking; the answer checks them again.
    choices: list[str] = field(default_factory=list)


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


def _areas(c: BotContext, d: RekapDraft) -> tuple[str, Markup]:
    first, *rest = [(area_label(c, a), AreaChoice(a).encode()) for a in d.choices]
    rows = [*grid([first]).inline_keyboard, *grid(rest, columns=2).inline_keyboard]
    return c.t("rekap-ask-area"), InlineKeyboardMarkup(rows)


def _periods(c: BotContext, d: RekapDraft) -> tuple[str, Markup]:
    presets = [(c.t(f"rekap-button-{p.value}"), PeriodChoice(p).encode()) for p in Preset]
    return c.t("rekap-ask-period"), grid(presets, columns=3)


REKAP: Wizard[Step, RekapDraft] = Wizard(
    name="rekap",
    steps=Step,
    draft=RekapDraft,
    texts=Texts(
        command="rekap-need-button",
        resume="rekap-need-button",
        needs={},
        need_button="rekap-need-button",
    ),
    prompts={Step.AREA: _areas, Step.PERIOD: _periods},
    follows=lambda done, d: Step.PERIOD,
)
