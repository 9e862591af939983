"""Which cases a user may see, filtered and paged, newest activity first; or found by NIK.

Every list and search is audited: who, which filter, how many rows (never the NIK searched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.buttons import StatusFilter
from bot.cases.lifecycle import OPEN, AccessDenied
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher
from storage.cases import Case, Urgency
from storage.people import User

PAGE_SIZE = 5
# One message of buttons; a person with more cases than this is a matter for /subjek.
MAX_FOUND = 20


@dataclass(frozen=True)
class Filters:
    status: StatusFilter = StatusFilter.OPEN
    urgency: Urgency | None = None
    kecamatan: str | None = None


def _filtered(actor: User, filters: Filters) -> Select[Case]:
    scope = scope_of(actor)
    if scope.empty:
        raise AccessDenied(actor.id)
    query = select(Case).where(scope.cases_clause())
    if filters.status is StatusFilter.OPEN:
        query = query.where(Case.status.in_(sorted(OPEN)))
    elif filters.status is not StatusFilter.ALL:
        query = query.where(Case.status == filters.status.value)
    if filters.urgency:
        query = query.where(Case.urgency == filters.urgency.value)
    if filters.kecamatan:
        query = query.where(Case.kecamatan_code == filters.kecamatan)
    return query


async def visible_cases(
    session: AsyncSession, actor: User, filters: Filters, page: int, now: datetime
) -> tuple[list[Case], int]:
    """One page of the cases `actor` may see, and how many there are in all (AccessDenied for
    an account that may see none: not active); the list is audited."""
    query = _filtered(actor, filters)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = list(
        await session.scalars(
            query.order_by(Case.last_activity_at.desc(), Case.id.desc())
            .offset(page * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
    )
    audit(
        session,
        Audit.CASE_LIST,
        at=now,
        actor_id=actor.id,
        status=filters.status.value,
        urgency=filters.urgency.value if filters.urgency else None,
        kecamatan=filters.kecamatan,
        page=page,
        rows=len(rows),
        total=total,
    )
    return rows, total


async def cases_by_nik(
    session: AsyncSession, actor: User, nik: str, cipher: Cipher, now: datetime
) -> list[Case]:
    """The cases about the person with this NIK that `actor` may see, newest first (by its
    blind index, under every key while a rotation is unfinished); the search is audited."""
    scope = scope_of(actor)
    if scope.empty:
        raise AccessDenied(actor.id)
    rows = list(
        await session.scalars(
            select(Case)
            .where(scope.cases_clause(), Case.nik_index.in_(cipher.indexes(nik)))
            .order_by(Case.created_at.desc(), Case.id.desc())
            .limit(MAX_FOUND)
        )
    )
    audit(session, Audit.CASE_SEARCH, at=now, actor_id=actor.id, by="nik", rows=len(rows))
    return rows


async def case_id_by_number(session: AsyncSession, number: str) -> int | None:
    key = number.strip().upper()
    # Typed text, not a button: only something shaped like a case number goes to the database.
    if not re.fullmatch(r"[A-Z0-9]{1,10}-\d{4}-\d{1,10}", key):
        return None
    return await session.scalar(select(Case.id).where(Case.number == key))
