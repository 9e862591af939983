"""/rekap: statistics and charts for coordinators and admins, and the case exports."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler

from bot.insight.buttons import FullExportConfirmed, FullExportDeclined, RekapExport
from bot.runtime.context import BotApp
from handlers.groups import Group, add
from handlers.insight import exports
from handlers.insight.conversation import build_conversation


def register(application: BotApp) -> None:
    """Every handler of /rekap, each in its group (handlers/groups.py)."""
    add(application, Group.REKAP, [build_conversation()])
    for callback, button in (
        (exports.export, RekapExport),
        (exports.confirm_full, FullExportConfirmed),
        (exports.decline_full, FullExportDeclined),
    ):
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=button.pattern())])
