"""/rekap: statistics and charts for coordinators and admins, and the case exports."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler

from bot.context import BotApp
from handlers.insight import callbacks, exports
from handlers.insight.conversation import build_conversation


def register(application: BotApp) -> None:
    application.add_handler(build_conversation())
    application.add_handler(CallbackQueryHandler(exports.export, pattern=callbacks.EXPORT))
    application.add_handler(CallbackQueryHandler(exports.confirm_full, pattern=callbacks.FULL_YES))
    application.add_handler(CallbackQueryHandler(exports.decline_full, pattern=callbacks.FULL_NO))
