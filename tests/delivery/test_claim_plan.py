"""Claiming due messages reads only the rows it claims, however long the queue behind them."""

from __future__ import annotations

from bot.delivery.claims import claim
from bot.runtime.clock import FixedClock
from storage.db import Sessions
from tests.delivery.outboxing import add_psm, queue
from tests.plans import Planner


async def test_a_claim_is_an_ordered_range_of_the_due_index(schema: str, clock: FixedClock) -> None:
    await queue(schema, 1, await add_psm(schema, 30), clock)

    async def claiming(sessions: Sessions) -> None:
        async with sessions() as session:
            assert len(await claim(session, clock.now(), 25)) == 25
            await session.rollback()

    # One query per lane, most urgent first; each reads its lane's due rows in order.
    lanes = await Planner(schema).plans(claiming)
    assert len(lanes) == 3
    for lane in lanes:
        assert "ix_outbox_due" in lane.plan, lane.plan
        assert "TEMP B-TREE" not in lane.plan and "Sort" not in lane.plan, lane.plan
