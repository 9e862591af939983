"""Reading a case: its details or its photos for someone allowed to see them, each read audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.attachments import count_files
from bot.cases.lifecycle import Action, available_actions
from bot.cases.repeats import Links, links_for, same_person
from bot.cases.work import open_case, referrals_of, timeline
from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.people import User

# A card shows the newest few events; the rest are a button away (`case_history`).
CARD_EVENTS = 5
HISTORY_EVENTS = 200


@dataclass(frozen=True)
class CaseView:
    """What one viewer sees of a case, and the actions they may take on it."""

    viewer: User
    case: Case
    reporter: str
    # The newest CARD_EVENTS, oldest first; `more_events` when there are older ones.
    events: list[tuple[CaseEvent, str | None]]
    more_events: bool
    referrals: list[Referral]
    actions: list[Action]
    photos: int
    links: Links
    # Voice notes and documents, by kind.
    files: dict[str, int] = field(default_factory=dict)


async def view_case(
    session: AsyncSession, telegram_id: int, case_id: int, now: datetime, cipher: Cipher
) -> CaseView:
    """The case as `telegram_id` may see it (AccessDenied otherwise); the read is audited."""
    viewer, case = await open_case(session, telegram_id, case_id, Action.VIEW)
    links = links_for(viewer, case, await same_person(session, case, cipher))
    reporter = await session.get(User, case.reporter_id)
    photos = await session.scalar(select(func.count()).where(CasePhoto.case_id == case.id))
    audit(session, Audit.CASE_VIEW, at=now, actor_id=viewer.id, case_id=case.id)
    events = await timeline(session, case.id, CARD_EVENTS + 1)
    return CaseView(
        viewer,
        case,
        reporter.full_name if reporter else "-",
        events[-CARD_EVENTS:],
        len(events) > CARD_EVENTS,
        await referrals_of(session, case.id),
        available_actions(viewer, case),
        photos or 0,
        links,
        await count_files(session, case.id),
    )


async def case_photos(
    session: AsyncSession, telegram_id: int, case_id: int, now: datetime
) -> tuple[Case, list[tuple[str, str | None]]]:
    """The case's photos (file id, and the note they came with: a photo's caption is its
    note) for someone allowed to see the case; the access is audited."""
    viewer, case = await open_case(session, telegram_id, case_id, Action.VIEW)
    # A note and its photos are written in one transaction, at one moment.
    same_note = (
        (CaseEvent.case_id == CasePhoto.case_id)
        & (CaseEvent.at == CasePhoto.added_at)
        & CaseEvent.note.is_not(None)
    )
    rows = await session.execute(
        select(CasePhoto.id, CasePhoto.file_id, CaseEvent.note)
        .outerjoin(CaseEvent, same_note)
        .where(CasePhoto.case_id == case.id)
        .order_by(CasePhoto.id)
    )
    photos = {photo_id: (file_id, note) for photo_id, file_id, note in rows}
    audit(session, Audit.CASE_PHOTOS, at=now, actor_id=viewer.id, case_id=case.id)
    return case, list(photos.values())


async def case_history(
    session: AsyncSession, telegram_id: int, case_id: int, now: datetime
) -> tuple[Case, list[tuple[CaseEvent, str | None]]]:
    """The case's timeline, oldest first, for someone allowed to see it; the read is audited."""
    viewer, case = await open_case(session, telegram_id, case_id, Action.VIEW)
    audit(session, Audit.CASE_VIEW, at=now, actor_id=viewer.id, case_id=case.id, history=True)
    return case, await timeline(session, case.id, HISTORY_EVENTS)
