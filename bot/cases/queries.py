"""Which cases a user may see, filtered and paged, newest activity first; or found by NIK.

A page costs the same with a thousand cases or a million: each part of the caller's reach (an
area, their own reports, everything) is one range of an index ordered by last activity
(migration 0006), read backwards only as far as the page goes; and the total is counted only
up to COUNT_CAP, past which the list says "more than" instead of counting years of history.
Every list and search is audited: who, which filter, how many rows (never the NIK searched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Subquery, func, literal_column, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.buttons import StatusFilter
from bot.cases.lifecycle import OPEN, AccessDenied
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher
from storage.cases import Case, Urgency
from storage.people import User

PAGE_SIZE = 5
COUNT_CAP = 100
# One message of buttons; a person with more cases than this is a matter for /subjek.
MAX_FOUND = 20


@dataclass(frozen=True)
class Filters:
    status: StatusFilter = StatusFilter.OPEN
    urgency: Urgency | None = None
    kecamatan: str | None = None


@dataclass(frozen=True)
class CasePage:
    """One page of a list; `total` is None when there are more than COUNT_CAP cases."""

    cases: list[Case]
    page: int
    total: int | None
    has_next: bool


def _branches(actor: User, filters: Filters) -> list[list[ColumnElement[bool]]]:
    """The conditions of each part of the reach; AccessDenied for an account with none."""
    scope = scope_of(actor)
    if scope.empty:
        raise AccessDenied(actor.id)
    chosen: list[ColumnElement[bool]] = []
    if filters.status is StatusFilter.OPEN:
        chosen.append(Case.status.in_(sorted(OPEN)))
    elif filters.status is not StatusFilter.ALL:
        chosen.append(Case.status == filters.status.value)
    if filters.urgency:
        chosen.append(Case.urgency == filters.urgency.value)
    return [[reach, *chosen] for reach in scope.case_branches(filters.kecamatan)]


def _newest(conditions: list[ColumnElement[bool]], limit: int) -> Subquery:
    """The ids of a branch's newest `limit` cases: one backward range of an index."""
    return (
        select(Case.id, Case.last_activity_at)
        .where(*conditions)
        .order_by(Case.last_activity_at.desc(), Case.id.desc())
        .limit(limit)
        .subquery()
    )


async def visible_cases(
    session: AsyncSession, actor: User, filters: Filters, page: int, now: datetime
) -> CasePage:
    """One page of the cases `actor` may see (AccessDenied for an account that may see none:
    not active), newest activity first; the list is audited."""
    branches = _branches(actor, filters)
    wanted = (page + 1) * PAGE_SIZE + 1  # one more tells whether a next page exists
    if not branches:
        return _audited(session, actor, filters, CasePage([], page, 0, False), now)
    if len(branches) == 1:
        query = select(Case).where(*branches[0])
        order = (Case.last_activity_at.desc(), Case.id.desc())
    else:
        newest = union(*(_newest(b, wanted).select() for b in branches)).subquery()
        query = select(Case).join(newest, newest.c.id == Case.id)
        order = (newest.c.last_activity_at.desc(), newest.c.id.desc())
    rows = list(
        await session.scalars(query.order_by(*order).offset(page * PAGE_SIZE).limit(PAGE_SIZE + 1))
    )
    total = await _count(session, branches)
    found = CasePage(rows[:PAGE_SIZE], page, total, len(rows) > PAGE_SIZE)
    return _audited(session, actor, filters, found, now)


def _audited(
    session: AsyncSession, actor: User, filters: Filters, found: CasePage, now: datetime
) -> CasePage:
    audit(
        session,
        Audit.CASE_LIST,
        at=now,
        actor_id=actor.id,
        status=filters.status.value,
        urgency=filters.urgency.value if filters.urgency else None,
        kecamatan=filters.kecamatan,
        page=found.page,
        rows=len(found.cases),
        total=found.total,  # None: more than COUNT_CAP
    )
    return found


async def _count(session: AsyncSession, branches: list[list[ColumnElement[bool]]]) -> int | None:
    """How many cases the branches hold together, or None beyond COUNT_CAP."""
    if len(branches) == 1:
        # No id needed: the count can be read from an index alone.
        found = select(literal_column("1")).where(*branches[0]).limit(COUNT_CAP + 1).subquery()
    else:
        capped = (select(Case.id).where(*b).limit(COUNT_CAP + 1).subquery() for b in branches)
        found = union(*(branch.select() for branch in capped)).subquery()
    total = await session.scalar(select(func.count()).select_from(found)) or 0
    return total if total <= COUNT_CAP else None


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
