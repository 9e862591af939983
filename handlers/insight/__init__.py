"""/rekap: statistics and charts for coordinators and admins, and the case exports."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler

from bot.insight.buttons import FullExportConfirmed, FullExportDeclined, RekapExport
from bot.runtime.context import BotApp
from handlers.insight import exports
from handlers.insight.conversation import build_conversation


def register(application: BotApp) -> None:
    application.add_handler(build_conversation())
    for callback, button in (
        (exports.export, RekapExport),
        (exports.confirm_full, FullExportConfirmed),
        (exports.decline_full, FullExportDeclined),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=button.pattern()))
