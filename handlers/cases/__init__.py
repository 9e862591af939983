"""Case follow-up (/kasus): lists, details, lifecycle actions, referrals, nudge answers."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.cases.buttons import (
    CaseFiles,
    CaseList,
    CasePhotos,
    Nudge,
    NudgeReply,
    OpenCase,
    ReferralMenu,
    ReferralOutcome,
    TapAction,
)
from bot.runtime.context import BotApp
from handlers.cases import browse, file_view, quick, view
from handlers.cases.input import build_case_input


def register_input(application: BotApp) -> None:
    """The input conversation goes before the report so a note typed mid-report lands here."""
    application.add_handler(build_case_input())


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("kasus", browse.list_cases))
    for callback, pattern in (
        (browse.turn_page, CaseList.pattern()),
        (browse.open_from_list, OpenCase.pattern()),
        (view.show_photos, CasePhotos.pattern()),
        (file_view.show_files, CaseFiles.pattern()),
        (quick.one_tap, TapAction.pattern()),
        (quick.choose_outcome, ReferralMenu.pattern()),
        (quick.set_outcome, ReferralOutcome.pattern()),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.ONGOING)),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.RESOLVED)),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
