"""/bahasa: each user picks Bahasa Indonesia or English, at any moment, even mid-report."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, CommandHandler

from bot.people import refresh_menu, set_locale
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotApp, BotContext
from bot.runtime.texts import Locale
from handlers.groups import Group, add
from handlers.keyboards import grid
from handlers.replies import show_in_place


@dataclass(frozen=True)
class LanguageChoice(Callback, prefix="lang"):
    locale: Locale


async def choose_language(update: Update, context: BotContext) -> None:
    """Offer the languages."""
    assert update.message is not None
    choices = [
        (context.services.texts.get(locale, "language-name"), LanguageChoice(locale).encode())
        for locale in Locale
    ]
    await update.message.reply_text(
        context.t("language-ask"), reply_markup=grid(choices, columns=2)
    )
    raise ApplicationHandlerStop


async def set_language(update: Update, context: BotContext) -> None:
    """Switch this user's language and remember it for messages others trigger."""
    query = update.callback_query
    button = LanguageChoice.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    async with context.services.sessions.begin() as session:
        await context.services.chats.set_locale(session, context.state, button.locale)
        await set_locale(session, update.effective_user.id, button.locale)
    context.state.locale = button.locale
    await query.answer()
    # A double tap on a slow phone sends the same choice twice; the second changes nothing.
    await show_in_place(update, context, context.t("language-set"), None)
    await refresh_menu(context, telegram_id=update.effective_user.id)
    raise ApplicationHandlerStop


def register(application: BotApp) -> None:
    # Before the conversations: switching language never disturbs a report in progress.
    add(
        application,
        Group.ANYTIME,
        [
            CommandHandler("bahasa", choose_language),
            CallbackQueryHandler(set_language, pattern=LanguageChoice.pattern()),
        ],
    )
