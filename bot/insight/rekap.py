"""One /rekap view: authorised against the database, figures collected, the view audited."""

from __future__ import annotations

from dataclasses import dataclass

from bot.insight.periods import Period
from bot.insight.scope import Scope, may_export_full, resolve_scope
from bot.insight.stats import Stats, collect
from bot.people import get_user
from bot.privacy.audit import Audit, audit
from bot.runtime.context import Services


@dataclass(frozen=True)
class Rekap:
    area: str
    stats: Stats
    may_export_full: bool

    @property
    def scope(self) -> Scope:
        return self.stats.scope


async def rekap(services: Services, telegram_id: int, area: str, period: Period) -> Rekap:
    """The figures of `area` over `period` for this user (InsightRefused when not theirs)."""
    now = services.clock.now()
    async with services.sessions.begin() as session:
        actor = await get_user(session, telegram_id)
        scope = resolve_scope(actor, area, services.regions)
        assert actor is not None
        stats = await collect(session, scope, period, services.settings, services.categories, now)
        audit(
            session,
            Audit.INSIGHT_VIEW,
            at=now,
            actor_id=actor.id,
            scope=scope.describe(),
            period=period.encode(),
        )
    return Rekap(area, stats, may_export_full(actor))
