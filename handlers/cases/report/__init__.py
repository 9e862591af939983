"""Case reporting (/lapor): one question at a time, review, submit."""

from __future__ import annotations

from bot.runtime.context import BotApp
from bot.runtime.texts import Texts
from handlers.cases.report.conversation import build_report_conversation


def register(application: BotApp, texts: Texts) -> None:
    application.add_handler(build_report_conversation(texts))
