"""Case follow-up (/kasus): lists, details, lifecycle actions, referrals, nudge answers."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.runtime.context import BotApp
from handlers.cases import browse, quick, view
from handlers.cases.input import build_case_input


def register_input(application: BotApp) -> None:
    """The input conversation goes before the report so a note typed mid-report lands here."""
    application.add_handler(build_case_input())


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("kasus", browse.list_cases))
    application.add_handler(
        CallbackQueryHandler(browse.turn_page, pattern=r"^k:l:\d+:\w+:[\w-]+:[\w-]+$")
    )
    application.add_handler(CallbackQueryHandler(browse.open_from_list, pattern=r"^k:o:\d+$"))
    application.add_handler(CallbackQueryHandler(view.show_photos, pattern=r"^k:p:\d+$"))
    application.add_handler(
        CallbackQueryHandler(quick.one_tap, pattern=r"^k:v:(verify|handle|reopen):\d+:\w+$")
    )
    application.add_handler(CallbackQueryHandler(quick.choose_outcome, pattern=r"^k:r:\d+$"))
    application.add_handler(CallbackQueryHandler(quick.set_outcome, pattern=r"^k:ro:\d+:\w+$"))
    application.add_handler(CallbackQueryHandler(quick.still_in_progress, pattern=r"^n:s:\d+$"))
    application.add_handler(CallbackQueryHandler(quick.resolved, pattern=r"^n:d:\d+$"))
