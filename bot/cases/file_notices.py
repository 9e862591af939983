"""A case's voice notes and documents sent after the message that announces them.

Each file is an outbox row of its own, queued in the transaction of the alert, on the alert's
lane, that waits while the message before it is unsent to the same person (`Payload.after`):
a 500 on either is retried like any row, and the voice never arrives before its alert.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.messages import CaseMessages
from bot.delivery import Payload, enqueue_localized
from storage.attachments import AttachmentKind, CaseAttachment
from storage.cases import Case
from storage.delivery import Lane
from storage.people import User

# Outbox kind of one file's rows; the campaign id is the case_attachments row's id.
CASE_FILE = "case_file"


def files_line(messages: CaseMessages, locale: str, files: Sequence[CaseAttachment]) -> str:
    """What the alert says of the files that follow it."""
    voice = sum(1 for f in files if f.kind == AttachmentKind.VOICE)
    counts = (("case-alert-voice", voice), ("case-alert-documents", len(files) - voice))
    parts = [messages.t(locale, key, count=count) for key, count in counts if count]
    return messages.t(locale, "case-alert-files", files=" · ".join(parts))


async def new_files(session: AsyncSession, case_id: int) -> list[CaseAttachment]:
    """The files that came with the report, oldest first."""
    rows = await session.scalars(
        select(CaseAttachment)
        .where(CaseAttachment.case_id == case_id, CaseAttachment.event_id.is_(None))
        .order_by(CaseAttachment.id)
    )
    return list(rows)


async def files_with(session: AsyncSession, event_id: int) -> list[CaseAttachment]:
    """The files that came with one timeline event (a note, an answer), oldest first."""
    rows = await session.scalars(
        select(CaseAttachment)
        .where(CaseAttachment.event_id == event_id)
        .order_by(CaseAttachment.id)
    )
    return list(rows)


def _payload(
    messages: CaseMessages, locale: str, *, case: Case, file: CaseAttachment, after: list[object]
) -> Payload:
    if file.kind == AttachmentKind.VOICE:
        caption = messages.t(locale, "voice-note-caption", number=case.number)
        return Payload(caption, voice=file.file_id, after=after, case_id=case.id)
    caption = messages.t(locale, "document-caption", number=case.number)
    return Payload(caption, document=file.file_id, after=after, case_id=case.id)


async def send_files_after(
    session: AsyncSession,
    messages: CaseMessages,
    after: tuple[str, int],
    case: Case,
    files: Sequence[CaseAttachment],
    recipients: Sequence[User],
    now: datetime,
    lane: Lane,
) -> None:
    """Queue each file for the recipients, each after the message before it."""
    previous: list[object] = list(after)
    for file in files:
        await enqueue_localized(
            session,
            kind=CASE_FILE,
            campaign_id=file.id,
            recipients=recipients,
            build=partial(_payload, messages, case=case, file=file, after=previous),
            default_locale=messages.services.settings.default_locale,
            not_before=now,
            lane=lane,
        )
        previous = [CASE_FILE, file.id]
