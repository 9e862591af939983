"""Voice notes and documents kept with a case: Telegram's ids and a local copy of the file."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class AttachmentKind(StrEnum):
    VOICE = "voice"
    DOCUMENT = "document"


class CaseAttachment(Base):
    """One voice note or document of a case, from the report or a later note.

    The copy lives in the database like the outbox's files, so a backup holds it and it does
    not depend on Telegram keeping the file; it is None when the file was over the size limit
    or could not be fetched (the file id still sends it while Telegram keeps it).
    """

    __tablename__ = "case_attachments"
    __table_args__ = (Index("ix_case_attachments_case_kind", "case_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    # The timeline event (a note, an answer) it came with; None for the report itself.
    event_id: Mapped[int | None] = mapped_column(ForeignKey("case_events.id"))
    kind: Mapped[str] = mapped_column(String(16))
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(200))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None]
    duration: Mapped[int | None]
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_at: Mapped[datetime]
