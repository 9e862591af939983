"""The audit log: who saw, changed or exported personal data (UU 27/2022).

Append-only for the application: the database itself refuses UPDATE and DELETE on it (a trigger
on PostgreSQL and on SQLite), so not even a bug or a retention run can rewrite history. Rows
carry ids, codes and counts, never personal data, so they are kept as they are.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DDL, ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base

# The same statements are in migration 0004, which installs them on existing databases.
APPEND_ONLY = {
    "postgresql": (
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ),
    "sqlite": (
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
}


class AuditEntry(Base):
    """Who saw, changed or exported personal data (UU 27/2022)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime]


# Tables made from the models (tests, a fresh sandbox) get the guard as migrated ones do.
for _dialect, _statements in APPEND_ONLY.items():
    for _statement in _statements:
        guard = DDL(_statement).execute_if(dialect=_dialect)  # type: ignore[no-untyped-call]
        event.listen(AuditEntry.__table__, "after_create", guard)
