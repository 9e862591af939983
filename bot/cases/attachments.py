"""Voice notes and documents of a case: what is accepted, the local copy, and who may read them.

A file arrives as a `Held` (Telegram's ids and what the message said of it), is checked against
the limits at once so the PSM hears why at once, and is copied from Telegram just before the
transaction that keeps it (a report's submit, a note): the copy is what backups, subject
exports and a Telegram that forgot the file rely on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot
from telegram.error import TelegramError

from bot.cases.lifecycle import Action
from bot.cases.work import open_case
from bot.privacy.audit import Audit, audit
from storage.attachments import AttachmentKind, CaseAttachment
from storage.cases import Case

_log = logging.getLogger(__name__)

# Telegram lets a bot download files up to 20 MB; 10 MB holds a PDF scan of a KK or a voice
# note of about forty minutes, and keeps a backup of a thousand cases small.
MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = ("application/pdf",)
# A case's files, kept beside its photos: a few per report or note.
MAX_PER_REPORT = 10


class Refused(ValueError):
    """The file breaks a limit; the value is the catalog key that explains which."""


@dataclass(frozen=True)
class Held:
    """A voice note or document as the message gave it; `data` is the copy once fetched."""

    kind: str
    file_id: str
    file_unique_id: str
    size: int | None = None
    mime_type: str | None = None
    file_name: str | None = None
    duration: int | None = None
    data: bytes | None = None

    def to_draft(self) -> dict[str, Any]:
        """What a draft keeps: everything but the copy, which is fetched when it is kept."""
        return {k: v for k, v in asdict(self).items() if k != "data"}

    @classmethod
    def from_draft(cls, saved: dict[str, Any]) -> Held:
        return cls(**{k: v for k, v in saved.items() if k != "data"})


def checked(held: Held) -> Held:
    """The file if it is within the limits, else Refused naming the limit broken."""
    if held.size is not None and held.size > MAX_BYTES:
        raise Refused("file-too-large")
    if held.kind == AttachmentKind.DOCUMENT and held.mime_type not in DOCUMENT_TYPES:
        raise Refused("file-wrong-type")
    return held


def length(seconds: int | None) -> str:
    """A duration as a phone shows it: 0:42, 12:05."""
    minutes, rest = divmod(seconds or 0, 60)
    return f"{minutes}:{rest:02d}"


async def fetch_copies(bot: Bot, files: Sequence[Held]) -> list[Held]:
    """The files with their copies from Telegram; one that cannot be fetched is kept by id."""
    fetched = []
    for held in files:
        try:
            data = bytes(await (await bot.get_file(held.file_id)).download_as_bytearray())
        except TelegramError as error:
            _log.warning("file %s not copied: %s", held.file_unique_id, type(error).__name__)
            data = None
        if data is not None and len(data) > MAX_BYTES:
            data = None
        fetched.append(replace(held, data=data, size=held.size or (len(data) if data else None)))
    return fetched


def keep(
    session: AsyncSession, case_id: int, files: Sequence[Held], now: datetime, event_id: int | None
) -> None:
    """Add the files to the case, in the caller's transaction."""
    session.add_all(
        CaseAttachment(
            case_id=case_id,
            event_id=event_id,
            kind=held.kind,
            file_id=held.file_id,
            file_unique_id=held.file_unique_id,
            file_name=held.file_name,
            mime_type=held.mime_type,
            size=held.size,
            duration=held.duration,
            data=held.data,
            added_at=now,
        )
        for held in files
    )


async def count_files(session: AsyncSession, case_id: int) -> dict[str, int]:
    """How many voice notes and documents the case has, by kind."""
    rows = await session.execute(
        select(CaseAttachment.kind, func.count())
        .where(CaseAttachment.case_id == case_id)
        .group_by(CaseAttachment.kind)
    )
    return {kind: int(number) for kind, number in rows.all()}


async def files_of(session: AsyncSession, case_id: int, kind: str | None = None) -> list[Held]:
    """The case's files (of one kind), oldest first, with their copies."""
    query = select(CaseAttachment).where(CaseAttachment.case_id == case_id)
    if kind is not None:
        query = query.where(CaseAttachment.kind == kind)
    rows = await session.scalars(query.order_by(CaseAttachment.id))
    return [
        Held(
            r.kind,
            r.file_id,
            r.file_unique_id,
            r.size,
            r.mime_type,
            r.file_name,
            r.duration,
            r.data,
        )
        for r in rows
    ]


READ_AUDIT = {AttachmentKind.VOICE: Audit.CASE_VOICE, AttachmentKind.DOCUMENT: Audit.CASE_DOCUMENTS}


async def case_files(
    session: AsyncSession, telegram_id: int, case_id: int, kind: AttachmentKind, now: datetime
) -> tuple[Case, list[Held]]:
    """The case's voice notes or documents for someone allowed to see it; the read is audited."""
    viewer, case = await open_case(session, telegram_id, case_id, Action.VIEW)
    files = await files_of(session, case.id, kind)
    audit(session, READ_AUDIT[kind], at=now, actor_id=viewer.id, case_id=case.id, files=len(files))
    return case, files
