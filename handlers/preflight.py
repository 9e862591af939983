"""Before any handler runs: load the caller's chat state, and stop buttons that carry no data."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add


async def preflight(update: Update, context: BotContext) -> None:
    """Read the caller's state (cached); answer a data-less button as an old one and stop there.

    PTB lets a callback query without data match every pattern, so none may pass this point.
    """
    query = update.callback_query
    if query is not None and not query.data:
        await query.answer(context.t("wrong-stale-button-short"))
        raise ApplicationHandlerStop
    if update.effective_user is not None:
        context.chat_state = await context.services.chats.load(update.effective_user.id)


def register(application: BotApp) -> None:
    add(application, Group.PREFLIGHT, [TypeHandler(Update, preflight)])
