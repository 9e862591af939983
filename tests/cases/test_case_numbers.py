"""Case numbers: short, per year, never reused, and never in the way of a report."""

from __future__ import annotations

from storage.cases import Case, CaseCounter
from storage.db import create_engine, create_sessions
from tests.factories import add_case, add_user, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said

PSM_ID = 1001


async def set_counter(url: str, year: int, last: int) -> None:
    """Put the counter back, as restoring an older backup of that table would."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        await session.merge(CaseCounter(year=year, last=last))
    await engine.dispose()


async def test_report_gets_a_fresh_number_when_the_counter_is_behind_the_cases(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    # Two cases as the bot numbered them, one added by hand further on; the counter says 1.
    for number in ("TNG-2026-00001", "TNG-2026-00002", "TNG-2026-00007"):
        await add_case(schema, PSM_ID, number=number)
    await set_counter(schema, 2026, 1)
    chat = harness.user(PSM_ID)

    await fill_until_review(chat)
    saved = (await chat.tap(said("button-submit"))).text
    assert said("report-saved", number="TNG-2026-00008") in saved
    await fill_until_review(chat)
    saved = (await chat.tap(said("button-submit"))).text
    assert said("report-saved", number="TNG-2026-00009") in saved

    numbers = sorted(case.number for case in await fetch(schema, Case))
    assert numbers == [f"TNG-2026-0000{n}" for n in (1, 2, 7, 8, 9)]
    [counter] = await fetch(schema, CaseCounter)
    assert counter.last == 9


async def test_numbers_count_on_from_the_counter_when_it_is_in_step(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    await add_case(schema, PSM_ID, number="TNG-2026-00001")
    await set_counter(schema, 2026, 1)
    chat = harness.user(PSM_ID)
    await fill_until_review(chat)
    saved = (await chat.tap(said("button-submit"))).text
    assert said("report-saved", number="TNG-2026-00002") in saved
