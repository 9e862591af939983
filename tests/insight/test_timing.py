"""Median and 90th percentile of report-to-verification time, picked in the database."""

from __future__ import annotations

from datetime import date, timedelta

from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.timing import Timing, time_to
from bot.runtime.settings import load_settings
from storage.cases import Case, CaseEvent
from storage.db import create_engine, create_sessions
from storage.people import Role, User, UserStatus
from tests.insight.conftest import SUKARASA, november

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


async def test_nearest_rank_median_and_90th_percentile(schema: str) -> None:
    engine = create_engine(schema)
    async with create_sessions(engine).begin() as session:
        reporter = User(
            telegram_id=1,
            full_name="PSM",
            role=Role.PSM,
            status=UserStatus.ACTIVE,
            created_at=november(1),
        )
        session.add(reporter)
        await session.flush()
        for days in (7, 1, 10, 3, 2, 9, 4, 6, 5, 8):  # ten cases, verified after 1..10 days
            case = Case(
                number=f"N{days}",
                draft_id=f"d{days}",
                reporter_id=reporter.id,
                category_code=8,
                beneficiary_name="X",
                sex="P",
                kecamatan_code=SUKARASA[:6],
                kelurahan_code=SUKARASA,
                address="-",
                description="-",
                urgency="sedang",
                created_at=november(1),
                updated_at=november(1),
                last_activity_at=november(1),
            )
            verified = november(1) + timedelta(days=days)
            # Verified again after a reopening: only the first verification counts.
            case.events = [
                CaseEvent(kind="verify", at=verified),
                CaseEvent(kind="verify", at=verified + timedelta(days=30)),
            ]
            session.add(case)
    tz = load_settings(_env_file=None).tz
    async with create_sessions(engine)() as session:
        span = NOVEMBER.bounds(tz)
        assert await time_to(session, "verify", Scope(), span) == Timing(10, 5.0, 9.0)
        assert await time_to(session, "close", Scope(), span) == Timing()
        assert await time_to(session, "verify", Scope(("367105",)), span) == Timing()
    await engine.dispose()
