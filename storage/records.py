"""Requests of data subjects (UU 27/2022): a person asks what is held about them, or its erasure."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class SubjectRequest(Base):
    """One lookup of a person by an admin, and what was done with it.

    It holds the ids of the cases found, never the NIK or name searched for, so that the
    buttons under the answer (export, erase) act on exactly what the admin was shown.
    """

    __tablename__ = "subject_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None when made on the command line (`psm-bot person`).
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # "nik" or "name" (name and birth date).
    looked_up_by: Mapped[str] = mapped_column(String(8))
    case_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]
    exported_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]
