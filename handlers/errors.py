"""The error handler: log it, tell the admins, and give the user a calm word, never a traceback."""

from __future__ import annotations

import html
import logging
import traceback

from telegram import Update
from telegram.error import TelegramError

from bot.runtime.context import BotApp, BotContext
from handlers.wizard import Wizard

_log = logging.getLogger(__name__)
# Leave room for the header inside Telegram's 4096-character limit.
MAX_TRACE = 3000


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception, report it to the admin chat(s) and reassure the user."""
    error = context.error
    _log.error("unhandled error while handling %s", update, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        await _reassure(update, context)
    trace = "".join(traceback.format_exception(error)) if error else ""
    user = update.effective_user.id if isinstance(update, Update) and update.effective_user else "-"
    header = context.services.texts.get(
        context.services.settings.default_locale,
        "error-admin",
        error=f"{type(error).__name__}: {error}",
        user=str(user),
    )
    report = f"{header}\n<pre>{html.escape(trace[-MAX_TRACE:])}</pre>"
    for chat_id in context.services.settings.admin_chats:
        try:
            await context.bot.send_message(chat_id, report)
        except TelegramError:
            _log.warning("could not report the error to admin chat %s", chat_id)


async def _reassure(update: Update, context: BotContext) -> None:
    """Say sorry and, mid-conversation, ask the current question again so the user carries on."""
    assert update.effective_chat is not None
    try:
        if update.effective_user is not None:
            context.chat_state = await context.services.chats.load(update.effective_user.id)
        wizard = Wizard.in_progress(context) if context.chat_state else None
        if wizard is not None:
            await wizard.ask(update, context, wizard.step(context), context.t("error-user"))
        else:
            await context.bot.send_message(update.effective_chat.id, context.t("error-user"))
    except Exception:
        _log.exception("could not tell the user about the error")


def register(application: BotApp) -> None:
    application.add_error_handler(on_error)
