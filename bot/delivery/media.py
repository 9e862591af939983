"""Files the bot made itself (chart images) for outbox rows: stored with the rows, uploaded
when sent, deleted once their campaign has nothing left to send."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.delivery import OutboxAttachment

# Telegram's albums (sendMediaGroup) hold 2 to 10 items.
ALBUM_LIMIT = 10
Attachment = tuple[str, bytes]  # file name, content


async def store_media(
    session: AsyncSession, kind: str, campaign_id: int, files: Sequence[Attachment]
) -> list[int]:
    """Keep the files for a campaign's payloads; returns their ids for `Payload.media`."""
    if len(files) > ALBUM_LIMIT:
        raise ValueError(f"an album holds at most {ALBUM_LIMIT} files")
    rows = [
        OutboxAttachment(kind=kind, campaign_id=campaign_id, filename=name, data=data)
        for name, data in files
    ]
    session.add_all(rows)
    await session.flush()
    return [row.id for row in rows]


async def load(sessions: Sessions, ids: Sequence[int]) -> list[Attachment]:
    """The files of a payload, in the payload's order."""
    if not ids:
        return []
    async with sessions() as session:
        rows = await session.execute(
            select(OutboxAttachment.id, OutboxAttachment.filename, OutboxAttachment.data).where(
                OutboxAttachment.id.in_(ids)
            )
        )
        found = {row_id: (name, data) for row_id, name, data in rows}
    return [found[row_id] for row_id in ids if row_id in found]


async def discard_media(session: AsyncSession, kind: str, campaign_id: int) -> None:
    """Delete a finished campaign's files; harmless to repeat."""
    await session.execute(
        delete(OutboxAttachment).where(
            OutboxAttachment.kind == kind, OutboxAttachment.campaign_id == campaign_id
        )
    )
