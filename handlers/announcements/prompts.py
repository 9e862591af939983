"""The steps of composing an announcement and the question each one asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from enum import IntEnum

from telegram import InlineKeyboardMarkup, Update

from bot.announcements.draft import TIME_FORMAT, AnnouncementDraft
from bot.delivery.audience import AudienceMode
from bot.runtime import stored
from bot.runtime.context import BotContext
from handlers.announcements.preview import show_preview
from handlers.keyboards import grid

DRAFT_KEY = "announcement"


class Compose(IntEnum):
    TITLE = 0
    BODY = 1
    STARTS_AT = 2
    VENUE = 3
    AUDIENCE = 4
    KECAMATAN = 5
    SEND_AT = 6
    PREVIEW = 7
    NEW_TIME = 8


def get_draft(context: BotContext) -> AnnouncementDraft:
    return stored.load(context.user_data, DRAFT_KEY, AnnouncementDraft)


def set_draft(context: BotContext, draft: AnnouncementDraft | None) -> None:
    stored.store(context.user_data, DRAFT_KEY, draft)


def example_time(context: BotContext, days: int) -> str:
    """A realistic example for a typed time: `days` from today at 09:00."""
    day = context.services.today() + timedelta(days=days)
    return datetime.combine(day, time(9)).strftime(TIME_FORMAT)


def zone_name(context: BotContext) -> str:
    return context.services.clock.now().astimezone(context.services.settings.tz).strftime("%Z")


def mode_label(c: BotContext, mode: str) -> str:
    return c.t(f"button-announce-to-{mode}")


def _audience(c: BotContext, d: AnnouncementDraft) -> InlineKeyboardMarkup:
    return grid((mode_label(c, mode), f"an:aud:{mode}") for mode in d.modes)


def kecamatan_keyboard(c: BotContext, d: AnnouncementDraft) -> InlineKeyboardMarkup:
    """The coordinator's selectable kecamatan, ticked when chosen, then Done."""
    regions = c.services.regions
    choices = [
        (("✅ " if code in d.kecamatan else "") + regions.name_of(code), f"an:kec:{code}")
        for code in d.choosable
    ]
    return grid(choices, columns=2, extra=[(c.t("button-announce-kecamatan-done"), "an:kec:done")])


Prompt = Callable[[BotContext, AnnouncementDraft], tuple[str, InlineKeyboardMarkup | None]]
PROMPTS: dict[Compose, Prompt] = {
    Compose.TITLE: lambda c, d: (c.t("announce-ask-title"), None),
    Compose.BODY: lambda c, d: (c.t("announce-ask-body"), None),
    Compose.STARTS_AT: lambda c, d: (
        c.t("announce-ask-start", zone=zone_name(c), example=example_time(c, 7)),
        None,
    ),
    Compose.VENUE: lambda c, d: (c.t("announce-ask-venue"), None),
    Compose.AUDIENCE: lambda c, d: (c.t("announce-ask-audience"), _audience(c, d)),
    Compose.KECAMATAN: lambda c, d: (c.t("announce-ask-kecamatan"), kecamatan_keyboard(c, d)),
    Compose.SEND_AT: lambda c, d: (
        c.t("announce-ask-send", example=example_time(c, 1)),
        grid([(c.t("button-announce-send-now"), "an:now")]),
    ),
    Compose.NEW_TIME: lambda c, d: (
        c.t(
            "announce-ask-new-time",
            title=d.title or "",
            zone=zone_name(c),
            example=example_time(c, 7),
        ),
        None,
    ),
}
NEXT = {
    Compose.TITLE: Compose.BODY,
    Compose.BODY: Compose.STARTS_AT,
    Compose.STARTS_AT: Compose.VENUE,
    Compose.VENUE: Compose.AUDIENCE,
    Compose.AUDIENCE: Compose.SEND_AT,
    Compose.KECAMATAN: Compose.SEND_AT,
    Compose.SEND_AT: Compose.PREVIEW,
}


async def ask(
    update: Update, context: BotContext, step: Compose, note: str | None = None
) -> Compose:
    """Send the question for `step` (after an optional note) and remember it as the current step."""
    draft = get_draft(context)
    draft.step = step
    set_draft(context, draft)
    assert update.effective_chat is not None
    if step == Compose.PREVIEW:
        refused = await show_preview(update, context, draft, note)
        # The audience may have become invalid (areas changed): choose it again.
        return step if refused is None else await ask(update, context, Compose.AUDIENCE, refused)
    text, markup = PROMPTS[step](context, draft)
    if note:
        text = f"{note}\n\n{text}"
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    return step


async def proceed(update: Update, context: BotContext, done: Compose) -> Compose:
    """Ask whatever comes after the step just answered."""
    draft = get_draft(context)
    if done == Compose.AUDIENCE and draft.audience == AudienceMode.PICK:
        return await ask(update, context, Compose.KECAMATAN)
    return await ask(update, context, NEXT[done])
