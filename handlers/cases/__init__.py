"""Case follow-up (/kasus): lists, details, lifecycle actions, referrals, nudge answers."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.cases.buttons import (
    CaseFiles,
    CaseHistory,
    CaseList,
    CasePhotos,
    Nudge,
    NudgeReply,
    OpenCase,
    ReferralMenu,
    ReferralOutcome,
    TapAction,
    UndoAnswer,
)
from bot.runtime.context import BotApp
from handlers import asides
from handlers.cases import browse, file_view, quick, replies, view
from handlers.cases.input import build_case_input


def register_input(application: BotApp) -> None:
    """The input conversation goes before the report so a note typed mid-report lands here."""
    application.add_handler(build_case_input())


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("kasus", browse.list_cases))
    asides.read_only("kasus", browse.list_cases)
    for callback, pattern in (
        (browse.turn_page, CaseList.pattern()),
        (browse.open_from_list, OpenCase.pattern()),
        (view.show_photos, CasePhotos.pattern()),
        (file_view.show_files, CaseFiles.pattern()),
        (view.show_history, CaseHistory.pattern()),
        (quick.one_tap, TapAction.pattern()),
        (quick.choose_outcome, ReferralMenu.pattern()),
        (quick.set_outcome, ReferralOutcome.pattern()),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.ONGOING)),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.RESOLVED)),
        (replies.undo, UndoAnswer.pattern()),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    # Last of the conversations: a text or photo none of them waits for goes to its case.
    application.add_handler(replies.build_replies())
