"""Counting a period's cases in the database: by one column, and new against closed per bucket.

Every query is a range scan of an index on `created_at` (or `case_events (kind, at)`), so the
work follows the period's cases, not the size of the table. None of them commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.insight.scope import Scope
from storage.cases import Case, CaseEvent

CLOSE = "close"
Range = tuple[datetime, datetime]


def reported_in(scope: Scope, span: Range) -> list[ColumnElement[bool]]:
    """Cases reported within the UTC range [start, end) and within the scope."""
    start, end = span
    return [Case.created_at >= start, Case.created_at < end, *scope.cases()]


async def count_by(
    session: AsyncSession,
    column: InstrumentedAttribute[str] | InstrumentedAttribute[int],
    scope: Scope,
    span: Range,
) -> dict[str, int]:
    """How many of the period's cases have each value of `column` (codes as text)."""
    rows = await session.execute(
        select(column, func.count()).where(*reported_in(scope, span)).group_by(column)
    )
    return {str(value): number for value, number in rows}


def _per_bucket(
    moment: InstrumentedAttribute[datetime], buckets: Sequence[Range]
) -> list[ColumnElement[int]]:
    # One pass over the period's rows counts every bucket at once: count() skips the NULLs.
    return [func.count(case((and_(moment >= start, moment < end), 1))) for start, end in buckets]


async def new_per_bucket(
    session: AsyncSession, scope: Scope, span: Range, buckets: Sequence[Range]
) -> list[int]:
    """Cases reported in each bucket."""
    row = (
        await session.execute(
            select(*_per_bucket(Case.created_at, buckets)).where(*reported_in(scope, span))
        )
    ).one()
    return [int(number) for number in row]


async def closed_per_bucket(
    session: AsyncSession, scope: Scope, span: Range, buckets: Sequence[Range]
) -> list[int]:
    """Closings recorded in each bucket (a case closed twice, after reopening, counts twice)."""
    start, end = span
    row = (
        await session.execute(
            select(*_per_bucket(CaseEvent.at, buckets))
            .select_from(CaseEvent)
            .join(Case, Case.id == CaseEvent.case_id)
            .where(CaseEvent.kind == CLOSE, CaseEvent.at >= start, CaseEvent.at < end)
            .where(*scope.cases())
        )
    ).one()
    return [int(number) for number in row]
