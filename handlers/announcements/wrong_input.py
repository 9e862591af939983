"""Answers that do not fit the current step: explain kindly and ask the same step again."""

from __future__ import annotations

from telegram import Message, Update

from bot.runtime.context import BotContext
from handlers.announcements.prompts import Compose, ask, get_draft

TYPED_STEPS = (Compose.TITLE, Compose.STARTS_AT, Compose.VENUE, Compose.SEND_AT, Compose.NEW_TIME)


def _what_is_wrong(message: Message, step: Compose) -> str:
    if message.text and message.text.startswith("/"):
        return "announce-command"
    if step == Compose.BODY:
        return "announce-need-body"
    if step in TYPED_STEPS:
        return "announce-need-text"
    return "announce-need-button"


def _step(context: BotContext) -> Compose:
    return Compose(get_draft(context).step)


async def wrong_input(update: Update, context: BotContext) -> Compose:
    """Explain what this step needs and ask it again, keeping every earlier answer."""
    step = _step(context)
    assert update.message is not None
    return await ask(update, context, step, context.t(_what_is_wrong(update.message, step)))


async def stale_button(update: Update, context: BotContext) -> Compose:
    """Say that the button belongs to an earlier question, and repeat the current one."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("wrong-stale-button-short"))
    return await ask(update, context, _step(context), context.t("wrong-stale-button"))


async def resume(update: Update, context: BotContext) -> Compose:
    """Continue the announcement in progress on a second /pengumuman, rather than lose it."""
    return await ask(update, context, _step(context), context.t("announce-resume"))


async def busy(update: Update, context: BotContext) -> Compose:
    """Refuse to change another announcement until this conversation is finished."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("announce-busy"), show_alert=True)
    return _step(context)
