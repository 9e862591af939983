"""Records over their whole life: retention, subject requests, audit review, backups.

Other features use only what is named here.
"""

from bot.records.audit_review import (
    AuditBy,
    AuditFilter,
    AuditLine,
    AuditRefused,
    BadAuditFilter,
    filter_from,
    review,
    total,
    who,
)
from bot.records.audit_words import AuditWords
from bot.records.backup import Backup, backup
from bot.records.backup_commands import backup_command, restore_command
from bot.records.buttons import AuditExport, SubjectButton, SubjectStep
from bot.records.commands import person_command, retention_command
from bot.records.exports import audit_sheet, subject_sheet
from bot.records.jobs import schedule
from bot.records.retention import RetentionDone, RetentionPlan, apply, plan
from bot.records.rotation import rotate_key
from bot.records.subjects import (
    BadPerson,
    NotAllowed,
    Person,
    SubjectRecord,
    UnknownRequest,
    erase_request,
    export_request,
    open_request,
    parse_person,
    view_request,
)

__all__ = [
    "AuditBy",
    "AuditExport",
    "AuditFilter",
    "AuditLine",
    "AuditRefused",
    "AuditWords",
    "Backup",
    "BadAuditFilter",
    "BadPerson",
    "NotAllowed",
    "Person",
    "RetentionDone",
    "RetentionPlan",
    "SubjectButton",
    "SubjectRecord",
    "SubjectStep",
    "UnknownRequest",
    "apply",
    "audit_sheet",
    "backup",
    "backup_command",
    "erase_request",
    "export_request",
    "filter_from",
    "open_request",
    "parse_person",
    "person_command",
    "plan",
    "restore_command",
    "retention_command",
    "review",
    "rotate_key",
    "schedule",
    "subject_sheet",
    "total",
    "view_request",
    "who",
]
