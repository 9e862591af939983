"""A person's history: each change to them is an event, read back on their page."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.people import User
from storage.people_changes import PersonEvent

# The page shows the newest ones; the audit log keeps everything.
SHOWN = 8


async def record(
    session: AsyncSession,
    person: User,
    kind: str,
    now: datetime,
    actor: User | None = None,
    **data: object,
) -> PersonEvent:
    """Add one event in the caller's transaction and give it its id (an outbox campaign)."""
    event = PersonEvent(
        user_id=person.id, actor_id=actor.id if actor else None, kind=kind, data=data, at=now
    )
    session.add(event)
    await session.flush()
    return event


async def history_of(session: AsyncSession, user_id: int) -> list[tuple[PersonEvent, str | None]]:
    """The newest events of a person, newest first, each with the name of who made it."""
    rows = await session.execute(
        select(PersonEvent, User.full_name)
        .outerjoin(User, User.id == PersonEvent.actor_id)
        .where(PersonEvent.user_id == user_id)
        .order_by(PersonEvent.at.desc(), PersonEvent.id.desc())
        .limit(SHOWN)
    )
    return [(event, name) for event, name in rows]
