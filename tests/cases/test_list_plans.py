"""Lists of cases read a page from an index in order of activity, at any number of cases.

bench/scale.py times these at 10,000 and a million cases; here EXPLAIN shows that each list
is a range of the index made for it (migration 0006) read in order, never every matching case
sorted, and that the follow-up tick reads only what is due.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from bot.cases.buttons import StatusFilter
from bot.cases.followup import _due
from bot.cases.queries import Filters, visible_cases
from bot.people import get_user
from storage.cases import Case
from storage.db import Sessions
from storage.people import Role
from tests.factories import SUKARASA, TANGERANG, add_case, add_user
from tests.plans import Plan, Planner

PSM, COORDINATOR, ADMIN = 1001, 2001, 3001
START = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
CIPONDOH_KELURAHAN = "3671051001"


@pytest.fixture
async def planner(schema: str) -> Planner:
    await add_user(schema, PSM)
    await add_user(schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    await add_user(schema, ADMIN, Role.ADMIN, kelurahan=None)
    for n in range(12):
        await add_case(
            schema,
            PSM,
            number=f"TNG-2026-{n:05d}",
            kelurahan=SUKARASA if n % 2 else CIPONDOH_KELURAHAN,
            status="selesai" if n % 3 == 0 else "baru",
            at=START + timedelta(hours=n),
            next_nudge_at=START + timedelta(days=n),
        )
    return Planner(schema)


async def page_plan(planner: Planner, telegram_id: int, filters: Filters) -> str:
    """The plan of the statement that reads the page's cases (not the caller, not the count)."""

    async def work(sessions: Sessions) -> None:
        async with sessions() as session:
            actor = await get_user(session, telegram_id)
            assert actor is not None
            await visible_cases(session, actor, filters, 0, datetime.now(UTC))

    plans: list[Plan] = await planner.plans(work)
    [page] = [p for p in plans if "cases.number" in p.statement]
    return page.plan


def read_in_order(plan: str, index: str, postgres: bool) -> bool:
    if postgres:
        return f"Index Scan Backward using {index}" in plan
    return f"USING INDEX {index}" in plan


async def test_a_coordinators_open_cases_are_a_range_of_their_kecamatans_index(
    planner: Planner,
) -> None:
    plan = await page_plan(planner, COORDINATOR, Filters())
    assert read_in_order(plan, "ix_cases_kecamatan_activity", planner.postgres), plan


async def test_an_admins_kecamatan_is_read_from_its_index_without_sorting(
    planner: Planner,
) -> None:
    plan = await page_plan(planner, ADMIN, Filters(StatusFilter.OPEN, kecamatan=TANGERANG))
    assert read_in_order(plan, "ix_cases_kecamatan_activity", planner.postgres), plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan


async def test_an_admins_whole_city_is_read_newest_first_without_sorting(
    planner: Planner,
) -> None:
    plan = await page_plan(planner, ADMIN, Filters())
    assert read_in_order(plan, "ix_cases_activity", planner.postgres), plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan


async def test_the_follow_up_tick_reads_only_the_due_cases(planner: Planner) -> None:
    async def tick(sessions: Sessions) -> Any:
        return await _due(SimpleNamespace(sessions=sessions), Case.next_nudge_at, START)  # type: ignore[arg-type]

    [due] = await planner.plans(tick)
    assert "ix_cases_next_nudge_at" in due.plan and "Sort" not in due.plan, due.plan
