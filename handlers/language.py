"""/bahasa: each user picks Bahasa Indonesia or English, at any moment, even mid-report."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, CommandHandler

from bot.people.directory import get_user
from bot.runtime.context import BotApp, BotContext
from bot.runtime.texts import LOCALES
from handlers.keyboards import grid
from handlers.replies import show_in_place

# Before the conversations, so switching language never disturbs a report in progress.
GROUP = -1


async def choose_language(update: Update, context: BotContext) -> None:
    """Offer the languages."""
    assert update.message is not None
    choices = [
        (context.services.texts.get(locale, "language-name"), f"lang:{locale}")
        for locale in LOCALES
    ]
    await update.message.reply_text(
        context.t("language-ask"), reply_markup=grid(choices, columns=2)
    )
    raise ApplicationHandlerStop


async def set_language(update: Update, context: BotContext) -> None:
    """Switch this user's language and remember it for messages others trigger."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    locale = query.data.split(":", 1)[1]
    context.locale = locale
    async with context.services.sessions.begin() as session:
        user = await get_user(session, update.effective_user.id)
        if user is not None:
            user.locale = locale
    await query.answer()
    # A double tap on a slow phone sends the same choice twice; the second changes nothing.
    await show_in_place(update, context, context.t("language-set"), None)
    raise ApplicationHandlerStop


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("bahasa", choose_language), group=GROUP)
    pattern = "^lang:(" + "|".join(LOCALES) + ")$"
    application.add_handler(CallbackQueryHandler(set_language, pattern=pattern), group=GROUP)
