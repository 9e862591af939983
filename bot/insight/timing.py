"""How long the period's cases took from report to their first verification or closing.

The median and the 90th percentile are picked in the database (nearest rank over the period's
durations, numbered by a window function), the same way on PostgreSQL and SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Float, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.insight.counts import Range, reported_in
from bot.insight.scope import Scope
from storage.cases import Case, CaseEvent

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
    # Ranked in one pass; ranks are 1-based, so the nearest rank of share p is ceil(p * n),
    # in integer arithmetic that both databases share.
    ranked = select(
        durations.c.seconds,
        func.row_number().over(order_by=durations.c.seconds).label("rank"),
        func.count().over().label("n"),
    ).subquery()
    median, p90 = (ranked.c.n + 1) // 2, (9 * ranked.c.n + 9) // 10
    rows = (
        await session.execute(
            select(ranked.c.seconds, ranked.c.rank, ranked.c.n).where(
                or_(ranked.c.rank == median, ranked.c.rank == p90)
            )
        )
    ).all()
    if not rows:
        return Timing()
    days = {rank: max(float(seconds or 0), 0.0) / DAY for seconds, rank, _ in rows}
    count = int(rows[0][2])
    return Timing(count, days[(count + 1) // 2], days[(9 * count + 9) // 10])
