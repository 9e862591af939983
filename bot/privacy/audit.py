"""The audit log's vocabulary and its one writer: who saw, changed or exported what (UU 27/2022).

Details are ids, codes and counts, never personal data (no names, phones, NIKs, texts, nor the
NIK's index): the log is kept for good (storage/audit.py) while the data it points to is not.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from storage.audit import AuditEntry


class Audit(StrEnum):
    CASE_CREATE = "case.create"
    CASE_VIEW = "case.view"
    CASE_PHOTOS = "case.photos"
    CASE_VOICE = "case.voice"
    CASE_DOCUMENTS = "case.documents"
    CASE_VERIFY = "case.verify"
    CASE_RETURN = "case.return"
    CASE_ANSWER = "case.answer"
    # The PSM took back an answer within a minute, before the coordinators were told.
    CASE_ANSWER_UNDONE = "case.answer_undone"
    CASE_HANDLE = "case.handle"
    CASE_REFER = "case.refer"
    CASE_OUTCOME = "case.outcome"
    CASE_CLOSE = "case.close"
    CASE_REOPEN = "case.reopen"
    CASE_NOTE = "case.note"
    CASE_NUDGED = "case.nudged"
    CASE_ESCALATED = "case.escalated"
    CASE_LIST = "case.list"
    CASE_SEARCH = "case.search"
    CASE_ANONYMISE = "case.anonymise"
    CASE_HANDOVER = "case.handover"
    USER_ACTIVATE_ROSTER = "user.activate_roster"
    USER_APPROVE = "user.approve"
    USER_REJECT = "user.reject"
    USER_BLOCKED_BOT = "user.blocked_bot"
    USER_UNBLOCKED_BOT = "user.unblocked_bot"
    USER_ANONYMISE = "user.anonymise"
    USER_LIST = "user.list"
    USER_VIEW = "user.view"
    USER_DEACTIVATE = "user.deactivate"
    USER_REACTIVATE = "user.reactivate"
    USER_LEAVE = "user.leave"
    USER_MOVE = "user.move"
    USER_MOVE_REQUEST = "user.move_request"
    USER_MOVE_APPROVE = "user.move_approve"
    USER_MOVE_REJECT = "user.move_reject"
    USER_ROLE = "user.role"
    USER_AREAS = "user.areas"
    USER_RENAME = "user.rename"
    USER_PHONE = "user.phone"
    USER_CASES_KEPT = "user.cases_kept"
    ROSTER_IMPORT = "roster.import"
    # Who imported a roster (CLI or chat), in which mode, and whom it deactivated.
    ROSTER_UPLOAD = "roster.upload"
    # Who was shown what an import would change, and whose names it listed as missing.
    ROSTER_PREVIEW = "roster.preview"
    BROADCAST_CREATE = "broadcast.create"
    ANNOUNCEMENT_CREATE = "announcement.create"
    ANNOUNCEMENT_RESCHEDULE = "announcement.reschedule"
    ANNOUNCEMENT_CANCEL = "announcement.cancel"
    ANNOUNCEMENT_EXPORT = "announcement.export"
    INSIGHT_VIEW = "insight.view"
    INSIGHT_EXPORT = "insight.export"
    SUBJECT_LOOKUP = "subject.lookup"
    SUBJECT_EXPORT = "subject.export"
    SUBJECT_ERASE = "subject.erase"
    AUDIT_VIEW = "audit.view"
    AUDIT_EXPORT = "audit.export"
    RETENTION_RUN = "retention.run"
    KEY_ROTATE = "key.rotate"
    DATA_BACKUP = "data.backup"
    DATA_RESTORE = "data.restore"

    @classmethod
    def of_case(cls, what: str) -> Audit:
        """The entry for a lifecycle action or follow-up event on a case (`case.<what>`)."""
        return cls(f"case.{what}")


def audit(
    session: AsyncSession,
    action: Audit,
    *,
    at: datetime,
    actor_id: int | None = None,
    case_id: int | None = None,
    **detail: object,
) -> None:
    """Add one entry in the caller's transaction: it stands or falls with what it records."""
    session.add(
        AuditEntry(actor_id=actor_id, action=action.value, case_id=case_id, detail=detail, at=at)
    )
