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
from bot.runtime.texts import Texts
from handlers import asides
from handlers.cases import browse, file_view, quick, replies, view
from handlers.cases.input_conversation import build_case_input
from handlers.cases.report import build_report_conversation
from handlers.groups import Group, add


def register(application: BotApp, texts: Texts) -> None:
    """Every handler of cases and /lapor (`texts`: the Skip labels), each in its group."""
    add(application, Group.CASE_INPUT, [build_case_input()])
    add(application, Group.REPORT, [build_report_conversation(texts)])
    add(application, Group.COMMANDS, [CommandHandler("kasus", browse.list_cases)])
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
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=pattern)])
    # What no conversation, command or button took: a text or photo about a case goes to it.
    add(application, Group.REPLIES, [replies.build_replies()])
