"""Admins' data-protection commands: /audit (the audit log) and /subjek (a person's request)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.records import AuditExport, SubjectButton, SubjectStep
from bot.runtime.context import BotApp
from handlers.privacy import audit, subjects


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("audit", audit.show_audit))
    application.add_handler(CommandHandler("subjek", subjects.look_up))
    for callback, pattern in (
        (audit.export_audit, AuditExport.pattern()),
        (subjects.export, SubjectButton.pattern(step=SubjectStep.EXPORT)),
        (subjects.ask_erase, SubjectButton.pattern(step=SubjectStep.ERASE)),
        (subjects.erase, SubjectButton.pattern(step=SubjectStep.CONFIRM)),
        (subjects.keep, SubjectButton.pattern(step=SubjectStep.KEEP)),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
