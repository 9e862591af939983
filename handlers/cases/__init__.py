"""Case follow-up (/kasus): lists, details, lifecycle actions, referrals, nudge answers."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.cases.buttons import (
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
from bot.runtime.texts import Texts
from handlers.cases import browse, quick, view
from handlers.cases.input import build_case_input
from handlers.cases.report import build_report_conversation
from handlers.groups import Group, add


def register(application: BotApp, texts: Texts) -> None:
    """Every handler of cases and /lapor (`texts`: the Skip labels), each in its group."""
    add(application, Group.CASE_INPUT, [build_case_input()])
    add(application, Group.REPORT, [build_report_conversation(texts)])
    add(application, Group.COMMANDS, [CommandHandler("kasus", browse.list_cases)])
    for callback, pattern in (
        (browse.turn_page, CaseList.pattern()),
        (browse.open_from_list, OpenCase.pattern()),
        (view.show_photos, CasePhotos.pattern()),
        (quick.one_tap, TapAction.pattern()),
        (quick.choose_outcome, ReferralMenu.pattern()),
        (quick.set_outcome, ReferralOutcome.pattern()),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.ONGOING)),
        (quick.answer_nudge, Nudge.pattern(reply=NudgeReply.RESOLVED)),
    ):
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=pattern)])
