"""Referrals per sector with their outcomes, and what the PSM of the area have been doing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import OUTCOMES as REFERRAL_OUTCOMES
from bot.insight.counts import Range, reported_in
from bot.insight.scope import Scope
from storage.cases import Case, CaseEvent, Referral
from storage.people import Role, User, UserStatus

OUTCOMES = (*REFERRAL_OUTCOMES, "pending")
TOP_PSM = 8
QUIET_NAMES = 10


@dataclass(frozen=True)
class SectorReferrals:
    """A sector's referrals of the period by outcome; `overdue` are pending for too long."""

    sector: str
    outcomes: dict[str, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())


async def referrals_by_sector(
    session: AsyncSession, scope: Scope, span: Range, overdue_before: datetime
) -> list[SectorReferrals]:
    """The period's referrals (by the day they were made), most referred sector first."""
    start, end = span
    pending = Referral.outcome.is_(None)
    late = func.count(case((and_(pending, Referral.referred_at < overdue_before), 1)))
    rows = await session.execute(
        select(Referral.sector, Referral.outcome, func.count(), late)
        .join(Case, Case.id == Referral.case_id)
        .where(Referral.referred_at >= start, Referral.referred_at < end, *scope.cases())
        .group_by(Referral.sector, Referral.outcome)
    )
    outcomes: dict[str, dict[str, int]] = {}
    overdue: dict[str, int] = {}
    for sector, outcome, number, late_ones in rows:
        outcomes.setdefault(sector, dict.fromkeys(OUTCOMES, 0))[outcome or "pending"] += number
        overdue[sector] = overdue.get(sector, 0) + late_ones
    found = [SectorReferrals(sector, outcomes[sector], overdue[sector]) for sector in outcomes]
    return sorted(found, key=lambda item: (-item.total, item.sector))


@dataclass(frozen=True)
class PsmActivity:
    """Active PSM of the area, how many reported in the period, and who went quiet."""

    total: int = 0
    reporting: int = 0
    quiet: int = 0
    top: list[tuple[str, int]] = field(default_factory=list)
    quiet_names: list[str] = field(default_factory=list)


def _psm_of(scope: Scope) -> list[ColumnElement[bool]]:
    area = [] if scope.city else [User.kecamatan_code.in_(scope.kecamatan)]
    return [User.role == Role.PSM, User.status == UserStatus.ACTIVE, *area]


def _active_since(since: datetime, until: datetime) -> ColumnElement[bool]:
    """The user reported a case or wrote on one in [since, until): two index probes per PSM."""
    reported = exists().where(
        Case.reporter_id == User.id, Case.created_at >= since, Case.created_at < until
    )
    wrote = exists().where(
        CaseEvent.actor_id == User.id, CaseEvent.at >= since, CaseEvent.at < until
    )
    return reported | wrote


async def psm_activity(
    session: AsyncSession, scope: Scope, span: Range, quiet_window: Range
) -> PsmActivity:
    """Reports per PSM in the period (the most active first), and PSM silent in `quiet_window`."""
    total = await session.scalar(select(func.count()).select_from(User).where(*_psm_of(scope)))
    reporting = await session.scalar(
        select(func.count(func.distinct(Case.reporter_id))).where(*reported_in(scope, span))
    )
    number = func.count(Case.id)
    top = await session.execute(
        select(User.full_name, number)
        .join(Case, Case.reporter_id == User.id)
        .where(*reported_in(scope, span))
        .group_by(User.id, User.full_name)
        .order_by(number.desc(), User.full_name)
        .limit(TOP_PSM)
    )
    # Someone who joined during the window has not had the time to go quiet.
    since, until = quiet_window
    silent = [*_psm_of(scope), User.created_at < since, ~_active_since(since, until)]
    quiet = await session.scalar(select(func.count()).select_from(User).where(*silent))
    names = await session.scalars(
        select(User.full_name).where(*silent).order_by(User.full_name).limit(QUIET_NAMES)
    )
    return PsmActivity(
        total=total or 0,
        reporting=reporting or 0,
        quiet=quiet or 0,
        top=[(name, count) for name, count in top],
        quiet_names=list(names),
    )
