"""One period's figures for one scope: every number the text and the charts show, queried once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.insight.activity import PsmActivity, SectorReferrals, psm_activity, referrals_by_sector
from bot.insight.counts import closed_per_bucket, count_by, new_per_bucket
from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.timing import CLOSE, VERIFY, Timing, time_to
from bot.reference.categories import Categories
from bot.runtime.settings import Settings
from storage.cases import Case

QUIET_DAYS = 30


@dataclass(frozen=True)
class Bucket:
    period: Period
    new: int
    closed: int


@dataclass(frozen=True)
class Stats:
    """Counts keyed by codes (category group, kecamatan or kelurahan, urgency, status, sector)."""

    scope: Scope
    period: Period
    total: int = 0
    by_group: dict[str, int] = field(default_factory=dict)
    # Kecamatan for the whole city, kelurahan within kecamatan.
    by_area: dict[str, int] = field(default_factory=dict)
    by_urgency: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    flow: list[Bucket] = field(default_factory=list)
    verify: Timing = field(default_factory=Timing)
    close: Timing = field(default_factory=Timing)
    referrals: list[SectorReferrals] = field(default_factory=list)
    psm: PsmActivity = field(default_factory=PsmActivity)

    @property
    def closed(self) -> int:
        return sum(bucket.closed for bucket in self.flow)


def _by_group(by_category: dict[str, int], categories: Categories) -> dict[str, int]:
    groups = dict.fromkeys(categories.groups, 0)
    for code, number in by_category.items():
        category = categories.get(int(code))
        if category is not None:
            groups[category.group] += number
    return groups


async def collect(
    session: AsyncSession,
    scope: Scope,
    period: Period,
    settings: Settings,
    categories: Categories,
    now: datetime,
) -> Stats:
    """Query every figure of the period; a dozen indexed aggregate queries, none loads cases."""
    if session.get_bind().dialect.name == "postgresql":
        # On a big table PostgreSQL plans parallel workers for these scans of a few thousand
        # index entries; starting them costs several times the scan itself.
        await session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    tz = settings.tz
    span = period.bounds(tz)
    buckets = period.buckets()
    ranges = [bucket.bounds(tz) for bucket in buckets]
    by_status = await count_by(session, Case.status, scope, span)
    new = await new_per_bucket(session, scope, span, ranges)
    closed = await closed_per_bucket(session, scope, span, ranges)
    # "Lately" for a past period is its end; for the current one, now.
    until = min(span[1], now)
    overdue_before = now - timedelta(days=settings.referral_nudge_days)
    return Stats(
        scope=scope,
        period=period,
        total=sum(by_status.values()),
        by_group=_by_group(await count_by(session, Case.category_code, scope, span), categories),
        by_area=await count_by(
            session, Case.kecamatan_code if scope.city else Case.kelurahan_code, scope, span
        ),
        by_urgency=await count_by(session, Case.urgency, scope, span),
        by_status=by_status,
        flow=[Bucket(b, n, c) for b, n, c in zip(buckets, new, closed, strict=True)],
        verify=await time_to(session, VERIFY, scope, span),
        close=await time_to(session, CLOSE, scope, span),
        referrals=await referrals_by_sector(session, scope, span, overdue_before),
        psm=await psm_activity(session, scope, span, (until - timedelta(days=QUIET_DAYS), until)),
    )
