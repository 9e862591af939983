"""Load the caller's chat state (conversations in progress, language) before any handler runs."""

from __future__ import annotations

from telegram import Update
from telegram.ext import TypeHandler

from bot.runtime.context import BotApp, BotContext

# Before every other group, language switching included.
GROUP = -100


async def load_chat_state(update: Update, context: BotContext) -> None:
    """Read the caller's state (cached) so handlers can use it without a query of their own."""
    if update.effective_user is not None:
        context.chat_state = await context.services.chats.load(update.effective_user.id)


def register(application: BotApp) -> None:
    application.add_handler(TypeHandler(Update, load_chat_state), group=GROUP)
