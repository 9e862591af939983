"""The case input conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.cases.buttons import Nudge, NudgeReply, TypedAction
from handlers.cases.input import (
    CASE_INPUT,
    CloseAnyway,
    Input,
    Sector,
    SectorsDone,
    WaitForReferrals,
    begin,
    cancel,
    close_anyway,
    receive_text,
    sectors_done,
    toggle_sector,
    wait_for_referrals,
)
from handlers.cases.input_media import add_document, add_photo, add_voice
from handlers.wizard import TYPED


def build_case_input() -> ConversationHandler:  # type: ignore[type-arg]
    entry = [
        CallbackQueryHandler(begin, pattern=TypedAction.pattern()),
        CallbackQueryHandler(begin, pattern=Nudge.pattern(reply=NudgeReply.PROGRESS)),
    ]
    return CASE_INPUT.conversation(
        entry_points=entry,
        states={
            Input.TEXT: [
                MessageHandler(TYPED, receive_text),
                MessageHandler(tg_filters.PHOTO | tg_filters.Document.IMAGE, add_photo),
                MessageHandler(tg_filters.VOICE, add_voice),
                MessageHandler(tg_filters.Document.ALL, add_document),
            ],
            Input.SECTORS: [
                CASE_INPUT.button(sectors_done, SectorsDone),
                CASE_INPUT.button(toggle_sector, Sector),
            ],
            Input.CONFIRM_CLOSE: [
                CASE_INPUT.button(close_anyway, CloseAnyway),
                CASE_INPUT.button(wait_for_referrals, WaitForReferrals),
            ],
        },
        fallbacks=[CommandHandler("batal", cancel)],
    )
