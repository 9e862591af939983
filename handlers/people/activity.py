"""Note when each person last wrote to the bot, before any handler answers them."""

from __future__ import annotations

from telegram import Update
from telegram.ext import TypeHandler

from bot.people.activity import LastSeen
from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add


def register(application: BotApp) -> None:
    seen = LastSeen()

    async def note_activity(update: Update, context: BotContext) -> None:
        """Record that the sender wrote (at most once an hour per person)."""
        if update.effective_user is not None:
            now = context.services.clock.now()
            await seen.note(context.services.sessions, update.effective_user.id, now)

    add(application, Group.ACTIVITY, [TypeHandler(Update, note_activity)])
