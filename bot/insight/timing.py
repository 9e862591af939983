"""How long the period's cases took from report to their first verification or closing.

The median and the 90th percentile are picked in the database (nearest rank: sort the period's
durations, read one row at an offset), the same way on PostgreSQL and SQLite.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Float, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.insight.counts import Range, reported_in
from bot.insight.scope import Scope
from storage.models import Case, CaseEvent

VERIFY, CLOSE = "verify", "close"
DAY = 86_400.0


@dataclass(frozen=True)
class Timing:
    """Of `count` cases that got there: median and 90th percentile, in days (None if none)."""

    count: int = 0
    median_days: float | None = None
    p90_days: float | None = None


def _seconds(later: Any, earlier: Any, dialect: str) -> ColumnElement[float]:
    if dialect == "postgresql":
        return cast(func.extract("epoch", later - earlier), Float)
    # SQLite keeps UTC timestamps as ISO text, which julianday() reads.
    return (func.julianday(later) - func.julianday(earlier)) * DAY


def nearest_rank(count: int, share: float) -> int:
    """Zero-based offset of the `share` percentile among `count` sorted values."""
    return max(math.ceil(share * count) - 1, 0)


async def time_to(session: AsyncSession, event: str, scope: Scope, span: Range) -> Timing:
    """Report-to-`event` time of the period's cases that have that event."""
    dialect = session.get_bind().dialect.name
    first = func.min(CaseEvent.at)
    durations = (
        select(_seconds(first, Case.created_at, dialect).label("seconds"))
        .select_from(Case)
        .join(CaseEvent, CaseEvent.case_id == Case.id)
        .where(CaseEvent.kind == event, *reported_in(scope, span))
        .group_by(Case.id, Case.created_at)
        .subquery()
    )
    count = await session.scalar(select(func.count()).select_from(durations)) or 0
    if count == 0:
        return Timing()

    async def percentile(share: float) -> float:
        value = await session.scalar(
            select(durations.c.seconds)
            .order_by(durations.c.seconds)
            .offset(nearest_rank(count, share))
            .limit(1)
        )
        return max(float(value or 0), 0.0) / DAY

    return Timing(count, await percentile(0.5), await percentile(0.9))
