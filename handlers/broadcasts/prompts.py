"""The steps of composing a broadcast (/siaran) and the question each one asks."""

from __future__ import annotations

from enum import IntEnum

from telegram import InlineKeyboardMarkup, Update

from bot.broadcasts.queue import BroadcastDraft, payload_for
from bot.delivery import outbox
from bot.delivery.audience import (
    AudienceMode,
    AudienceRefused,
    audience_modes,
    choosable_kecamatan,
    resolve_audience,
)
from bot.delivery.sender import deliver
from bot.people.directory import get_user
from bot.runtime import stored
from bot.runtime.context import BotContext
from handlers.keyboards import grid
from handlers.replies import audience_label
from storage.people import User

DRAFT_KEY = "broadcast"


class Step(IntEnum):
    TEXT = 0
    AUDIENCE = 1
    KECAMATAN = 2
    CONFIRM = 3


def get_draft(context: BotContext) -> BroadcastDraft:
    return stored.load(context.user_data, DRAFT_KEY, BroadcastDraft)


def set_draft(context: BotContext, draft: BroadcastDraft | None) -> None:
    stored.store(context.user_data, DRAFT_KEY, draft)


async def load_author(update: Update, context: BotContext) -> User:
    """Load the composing user as the database has them now (a coordinator or an admin)."""
    assert update.effective_user is not None
    async with context.services.sessions() as session:
        author = await get_user(session, update.effective_user.id)
    assert author is not None, "the entry point refused unregistered users"
    return author


def mode_label(context: BotContext, author: User, mode: str) -> str:
    if mode == AudienceMode.MINE:
        names = ", ".join(
            context.services.regions.name_of(code) for code in sorted(author.area_codes)
        )
        return context.t("broadcast-to-mine", names=names)
    return context.t(f"broadcast-to-{mode}")


def kecamatan_keyboard(
    context: BotContext, author: User, chosen: list[str]
) -> InlineKeyboardMarkup:
    """The kecamatan the author may address, ticked when chosen, then Done."""
    choices = [
        (("✅ " if k.code in chosen else "") + k.name, f"bc:kec:{k.code}")
        for k in choosable_kecamatan(author, context.services.regions)
    ]
    return grid(choices, columns=2, extra=[(context.t("broadcast-button-done"), "bc:kec:done")])


async def ask(update: Update, context: BotContext, step: Step, note: str | None = None) -> Step:
    """Send the question for `step` (after an optional note) and remember it as the current step."""
    draft = get_draft(context)
    draft.step = step
    set_draft(context, draft)
    if step == Step.CONFIRM:
        return await _preview(update, context, draft, note)
    author = await load_author(update, context)
    text, markup = context.t("broadcast-ask-text"), None
    if step == Step.AUDIENCE:
        choices = [(mode_label(context, author, m), f"bc:to:{m}") for m in audience_modes(author)]
        text, markup = context.t("broadcast-ask-audience"), grid(choices)
    elif step == Step.KECAMATAN:
        text = context.t("broadcast-ask-kecamatan")
        markup = kecamatan_keyboard(context, author, draft.kecamatan)
    assert update.effective_chat is not None
    body = f"{note}\n\n{text}" if note else text
    await context.bot.send_message(update.effective_chat.id, body, reply_markup=markup)
    return step


async def _preview(
    update: Update, context: BotContext, draft: BroadcastDraft, note: str | None
) -> Step:
    """Show the broadcast exactly as recipients will get it, then ask to send it to N people."""
    author = await load_author(update, context)
    try:
        audience = resolve_audience(author, draft.mode, draft.kecamatan)
        async with context.services.sessions() as session:
            count = len(await outbox.audience_users(session, audience))
    except AudienceRefused as refused:
        return await ask(update, context, Step.AUDIENCE, context.t(f"broadcast-refused-{refused}"))
    if count == 0:
        return await ask(update, context, Step.AUDIENCE, context.t("broadcast-refused-nobody"))
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    intro = context.t("broadcast-preview")
    await context.bot.send_message(chat_id, f"{note}\n\n{intro}" if note else intro)
    await deliver(
        context.bot, chat_id, payload_for(context.services.texts, context.locale, author, draft)
    )
    question = context.t(
        "broadcast-confirm", count=count, audience=audience_label(context, audience)
    )
    actions = [
        (context.t("broadcast-button-send"), "bc:send"),
        (context.t("broadcast-button-cancel"), "bc:cancel"),
    ]
    await context.bot.send_message(chat_id, question, reply_markup=grid(actions, columns=2))
    return Step.CONFIRM
