"""A person's voice notes and documents in a subject request: listed in the export's sheet,
and their local copies written beside the file by `psm-bot person --export`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.attachments import AttachmentKind, CaseAttachment

EXTENSIONS = {"audio/ogg": "ogg", "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


@dataclass(frozen=True)
class SubjectFile:
    id: int
    case_id: int
    kind: str
    added_at: datetime
    duration: int | None
    size: int | None
    mime_type: str | None
    data: bytes | None

    def copy_name(self, number: str) -> str:
        """The copy's file name: the case number, the kind and the row id, so names never clash."""
        extension = EXTENSIONS.get(self.mime_type or "", "bin")
        return f"{number}-{self.kind}-{self.id}.{extension}"


async def files_about(session: AsyncSession, case_ids: Sequence[int]) -> list[SubjectFile]:
    """The voice notes and documents of these cases, by case, oldest first."""
    rows = await session.scalars(
        select(CaseAttachment)
        .where(CaseAttachment.case_id.in_(case_ids))
        .order_by(CaseAttachment.case_id, CaseAttachment.id)
    )
    return [
        SubjectFile(r.id, r.case_id, r.kind, r.added_at, r.duration, r.size, r.mime_type, r.data)
        for r in rows
    ]


def write_copies(folder: Path, files: Sequence[SubjectFile], numbers: dict[int, str]) -> int:
    """Write the copies kept of the files into `folder` (owner only); how many were written."""
    kept = [f for f in files if f.data is not None]
    if not kept:
        return 0
    folder.mkdir(mode=0o700, exist_ok=True)
    for file in kept:
        path = folder / file.copy_name(numbers.get(file.case_id, str(file.case_id)))
        path.write_bytes(file.data or b"")
        os.chmod(path, 0o600)
    return len(kept)


def is_voice(file: SubjectFile) -> bool:
    return file.kind == AttachmentKind.VOICE
