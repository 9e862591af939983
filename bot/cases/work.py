"""Following a case up: every change checked, recorded on the timeline, audited, rescheduled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition, Status, may, next_status
from bot.cases.nudges import record_activity
from bot.people import get_user
from bot.privacy.audit import Audit, audit
from bot.runtime.settings import Settings
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.people import User

OUTCOMES = ("accepted", "rejected", "done")


@dataclass(frozen=True)
class Change:
    case: Case
    actor: User
    event: CaseEvent
    old_status: Status


async def open_case(
    session: AsyncSession, telegram_id: int, case_id: int, action: Action, *, lock: bool = False
) -> tuple[User, Case]:
    """Load actor and case, refusing (AccessDenied) whatever the actor may not do to it."""
    actor = await get_user(session, telegram_id)
    case = await session.get(Case, case_id, with_for_update=lock)
    if actor is None or case is None or not may(actor, case, action):
        raise AccessDenied(case_id)
    return actor, case


async def act(
    session: AsyncSession,
    actor: User,
    case: Case,
    action: Action,
    settings: Settings,
    now: datetime,
    note: str | None = None,
    photos: Sequence[tuple[str, str]] = (),
    kind: str | None = None,
) -> Change:
    """Apply one lifecycle action (IllegalTransition when the status forbids it)."""
    if not may(actor, case, action):
        raise AccessDenied(case.id)
    old = Status(case.status)
    case.status = next_status(case.status, action)
    case.updated_at = now
    event = CaseEvent(
        case_id=case.id, actor_id=actor.id, kind=kind or action.value, note=note, at=now
    )
    session.add(event)
    for file_id, unique_id in photos:
        session.add(
            CasePhoto(case_id=case.id, file_id=file_id, file_unique_id=unique_id, added_at=now)
        )
    detail = {"from": old.value, "to": case.status, "photos": len(photos)}
    audit(
        session, Audit.of_case(action.value), at=now, actor_id=actor.id, case_id=case.id, **detail
    )
    record_activity(case, settings, now)
    await session.flush()
    return Change(case, actor, event, old)


async def refer(
    session: AsyncSession,
    actor: User,
    case: Case,
    sectors: Sequence[str],
    note: str | None,
    settings: Settings,
    now: datetime,
) -> Change:
    """Refer the case to one or more sectors; each referral waits for its own outcome."""
    if not sectors:
        raise ValueError("at least one sector")
    change = await act(session, actor, case, Action.REFER, settings, now, note=note)
    change.event.data = {"sectors": list(sectors)}
    due = now + timedelta(days=settings.referral_nudge_days)
    for sector in sectors:
        session.add(
            Referral(
                case_id=case.id,
                sector=sector,
                note=note,
                referred_by_id=actor.id,
                referred_at=now,
                next_nudge_at=due,
            )
        )
    return change


async def record_outcome(
    session: AsyncSession,
    telegram_id: int,
    referral_id: int,
    outcome: str,
    settings: Settings,
    now: datetime,
) -> tuple[Change, Referral]:
    """Record what the sector did with a referral; a decided referral cannot be decided again."""
    referral = await session.get(Referral, referral_id, with_for_update=True)
    if referral is None or outcome not in OUTCOMES:
        raise AccessDenied(referral_id)
    actor, case = await open_case(session, telegram_id, referral.case_id, Action.OUTCOME, lock=True)
    if referral.outcome is not None:
        raise IllegalTransition(Status(case.status), Action.OUTCOME)
    change = await act(session, actor, case, Action.OUTCOME, settings, now)
    change.event.data = {"sector": referral.sector, "outcome": outcome}
    referral.outcome, referral.outcome_by_id, referral.outcome_at = outcome, actor.id, now
    referral.next_nudge_at = None
    return change, referral


async def referral_for(session: AsyncSession, telegram_id: int, referral_id: int) -> Referral:
    """A referral whose outcome the caller may record (AccessDenied otherwise)."""
    referral = await session.get(Referral, referral_id)
    if referral is None:
        raise AccessDenied(referral_id)
    await open_case(session, telegram_id, referral.case_id, Action.OUTCOME)
    return referral


async def referrals_of(session: AsyncSession, case_id: int) -> list[Referral]:
    return list(
        await session.scalars(
            select(Referral).where(Referral.case_id == case_id).order_by(Referral.id)
        )
    )


async def timeline(
    session: AsyncSession, case_id: int, limit: int = 12
) -> list[tuple[CaseEvent, str | None]]:
    """The newest events of a case with the actor's name (None for the bot), oldest first."""
    rows = await session.execute(
        select(CaseEvent, User.full_name)
        .outerjoin(User, User.id == CaseEvent.actor_id)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.at.desc(), CaseEvent.id.desc())
        .limit(limit)
    )
    return [(event, name) for event, name in reversed(rows.all())]
