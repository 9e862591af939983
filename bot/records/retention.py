"""Retention: what is older than RETENTION_YEARS loses its personal data (bot/records/anonymise.py).

Due are closed cases closed that long ago, accounts inactive that long (their clock starts at
the deactivation; for accounts switched off by other means, when a retention run first sees
them inactive), the texts of finished outbox messages queued that long ago, and report drafts
untouched that long.
The rows are the schedule: a run finds what is due, does it in batches of one transaction each
(every anonymised case or account with its audit row), so a kill loses nothing and the next
run goes on where this one stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import Action, Status
from bot.privacy.audit import Audit, audit
from bot.records.anonymise import EMPTY_PAYLOAD, UNSENT, anonymise_case, anonymise_user
from storage.cases import Case, CaseEvent
from storage.conversations import ConversationDraft
from storage.db import Sessions
from storage.delivery import OutboxMessage
from storage.people import User, UserStatus

BATCH = 100
SHOWN = 20


def cutoff(now: datetime, years: int) -> datetime:
    """The same moment `years` calendar years earlier (29 February becomes the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def _due_cases(before: datetime) -> Select[int, str]:
    """Closed cases, not yet anonymised, closed at or before `before`, by id."""
    closed = (
        select(CaseEvent.case_id, func.max(CaseEvent.at).label("at"))
        .where(CaseEvent.kind == Action.CLOSE.value)
        .group_by(CaseEvent.case_id)
        .subquery()
    )
    # A closed case without its close event (data from elsewhere) counts from its last change.
    closed_at = func.coalesce(closed.c.at, Case.updated_at)
    return (
        select(Case.id, Case.number)
        .outerjoin(closed, closed.c.case_id == Case.id)
        .where(
            Case.status == Status.SELESAI.value,
            Case.anonymised_at.is_(None),
            closed_at <= before,
        )
        .order_by(Case.id)
    )


def _due_users(before: datetime) -> Select[User]:
    return select(User).where(
        User.status == UserStatus.INACTIVE,
        User.inactive_since <= before,
        User.anonymised_at.is_(None),
    )


def _old_messages(before: datetime) -> list[ColumnElement[bool]]:
    """Finished outbox rows queued at or before `before` that still hold their text."""
    return [
        OutboxMessage.status.not_in(UNSENT),
        OutboxMessage.not_before <= before,
        OutboxMessage.payload["text"].as_string() != "",
    ]


@dataclass
class RetentionPlan:
    """What a run would do now: counts, and the first case numbers."""

    before: datetime
    cases: int = 0
    case_numbers: list[str] = field(default_factory=list)
    users: int = 0
    messages: int = 0
    drafts: int = 0
    # Inactive accounts without a start yet: their years start at the next run that applies.
    starting: int = 0


async def plan(session: AsyncSession, now: datetime, years: int) -> RetentionPlan:
    """What is due, without changing anything."""
    before = cutoff(now, years)
    found = RetentionPlan(before)
    found.cases = await _count(session, _due_cases(before))
    shown = (await session.execute(_due_cases(before).limit(SHOWN))).all()
    found.case_numbers = [number for _, number in shown]
    found.users = await _count(session, _due_users(before))
    found.messages = await _count(session, select(OutboxMessage).where(*_old_messages(before)))
    found.drafts = await _count(
        session, select(ConversationDraft).where(ConversationDraft.updated_at <= before)
    )
    found.starting = await _count(
        session,
        select(User).where(User.status == UserStatus.INACTIVE, User.inactive_since.is_(None)),
    )
    return found


async def _count(session: AsyncSession, query: Select[*tuple[Any, ...]]) -> int:
    return await session.scalar(select(func.count()).select_from(query.subquery())) or 0


@dataclass
class RetentionDone:
    cases: int = 0
    users: int = 0
    messages: int = 0
    drafts: int = 0


async def apply(sessions: Sessions, now: datetime, years: int) -> RetentionDone:
    """Anonymise everything due, batch by batch; returns what was done."""
    before, done = cutoff(now, years), RetentionDone()
    async with sessions.begin() as session:
        await _start_clocks(session, now)
    while (batch := await _cases_batch(sessions, before, now)) == BATCH:
        done.cases += batch
    done.cases += batch
    while (batch := await _users_batch(sessions, before, now)) == BATCH:
        done.users += batch
    done.users += batch
    async with sessions.begin() as session:
        done.messages = await _rowcount(
            session,
            update(OutboxMessage).where(*_old_messages(before)).values(payload=EMPTY_PAYLOAD),
        )
        done.drafts = await _rowcount(
            session, delete(ConversationDraft).where(ConversationDraft.updated_at <= before)
        )
        audit(
            session,
            Audit.RETENTION_RUN,
            at=now,
            years=years,
            cases=done.cases,
            users=done.users,
            messages=done.messages,
            drafts=done.drafts,
        )
    return done


async def _cases_batch(sessions: Sessions, before: datetime, now: datetime) -> int:
    """Anonymise up to BATCH due cases in one transaction, each with its audit row."""
    async with sessions.begin() as session:
        # Rows another run holds are skipped (PostgreSQL); it anonymises them itself.
        due = _due_cases(before).limit(BATCH).with_for_update(of=Case, skip_locked=True)
        ids = [case_id for case_id, _ in (await session.execute(due)).all()]
        for case_id in ids:
            await anonymise_case(session, case_id, now)
            audit(session, Audit.CASE_ANONYMISE, at=now, case_id=case_id, reason="retention")
    return len(ids)


async def _users_batch(sessions: Sessions, before: datetime, now: datetime) -> int:
    """Anonymise up to BATCH accounts of people who left, each with its audit row."""
    async with sessions.begin() as session:
        due = _due_users(before).limit(BATCH).with_for_update(skip_locked=True)
        users = list(await session.scalars(due))
        for user in users:
            await anonymise_user(session, user, now)
            audit(session, Audit.USER_ANONYMISE, at=now, user_id=user.id, reason="retention")
    return len(users)


async def _start_clocks(session: AsyncSession, now: datetime) -> None:
    """Inactive accounts start counting now; accounts active again stop counting."""
    inactive = User.status == UserStatus.INACTIVE
    await session.execute(
        update(User).where(inactive, User.inactive_since.is_(None)).values(inactive_since=now)
    )
    await session.execute(
        update(User).where(~inactive, User.inactive_since.is_not(None)).values(inactive_since=None)
    )


async def _rowcount(session: AsyncSession, statement: object) -> int:
    result = await session.execute(statement)  # type: ignore[call-overload]
    return int(getattr(result, "rowcount", 0) or 0)
