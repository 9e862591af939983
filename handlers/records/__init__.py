"""Admins' data-protection commands: /audit (the audit log) and /subjek (a person's request)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.records import AuditExport, SubjectButton, SubjectStep
from bot.runtime.context import BotApp
from handlers.groups import Group, add
from handlers.records import audit, subjects


def register(application: BotApp) -> None:
    """Every handler of /audit and /subjek (all plain commands and buttons)."""
    audit_command = CommandHandler("audit", audit.show_audit)
    add(application, Group.COMMANDS, [audit_command, CommandHandler("subjek", subjects.look_up)])
    for callback, pattern in (
        (audit.export_audit, AuditExport.pattern()),
        (subjects.export, SubjectButton.pattern(step=SubjectStep.EXPORT)),
        (subjects.ask_erase, SubjectButton.pattern(step=SubjectStep.ERASE)),
        (subjects.erase, SubjectButton.pattern(step=SubjectStep.CONFIRM)),
        (subjects.keep, SubjectButton.pattern(step=SubjectStep.KEEP)),
    ):
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=pattern)])
