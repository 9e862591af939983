"""Which cases a user may see, filtered and paged, newest activity first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.lifecycle import OPEN
from storage.cases import Case
from storage.people import Role, User

PAGE_SIZE = 5


@dataclass(frozen=True)
class Filters:
    """`status` is a Status value, "open" (everything not closed) or "all"."""

    status: str = "open"
    urgency: str | None = None
    kecamatan: str | None = None


def _scope(actor: User) -> ColumnElement[bool]:
    if actor.role == Role.ADMIN:
        return Case.id.is_not(None)
    if actor.role == Role.COORDINATOR:
        return Case.kecamatan_code.in_(sorted(actor.area_codes))
    return Case.reporter_id == actor.id


def _filtered(actor: User, filters: Filters) -> Select[Case]:
    query = select(Case).where(_scope(actor))
    if filters.status == "open":
        query = query.where(Case.status.in_(sorted(OPEN)))
    elif filters.status != "all":
        query = query.where(Case.status == filters.status)
    if filters.urgency:
        query = query.where(Case.urgency == filters.urgency)
    if filters.kecamatan:
        query = query.where(Case.kecamatan_code == filters.kecamatan)
    return query


async def visible_cases(
    session: AsyncSession, actor: User, filters: Filters, page: int
) -> tuple[list[Case], int]:
    """One page of the cases `actor` may see, and how many there are in all."""
    query = _filtered(actor, filters)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.scalars(
        query.order_by(Case.last_activity_at.desc(), Case.id.desc())
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    return list(rows), total


async def case_id_by_number(session: AsyncSession, number: str) -> int | None:
    key = number.strip().upper()
    # Typed text, not a button: only something shaped like a case number goes to the database.
    if not re.fullmatch(r"[A-Z0-9]{1,10}-\d{4}-\d{1,10}", key):
        return None
    return await session.scalar(select(Case.id).where(Case.number == key))
