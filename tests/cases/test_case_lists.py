"""Lists with nothing in them still make a valid message: Telegram refuses an empty keyboard."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from storage.cases import Case, CaseEvent
from storage.db import create_engine, create_sessions
from storage.people import Role
from tests.conftest import ADMIN_ID
from tests.factories import TANGERANG, add_case, add_user
from tests.harness import BotHarness
from tests.texts import said

PSM_ID, COORDINATOR_ID = 1001, 2001
MINE_FILTERS = [
    "• " + said("filter-mine-open"),
    said("filter-mine-selesai"),
    said("filter-mine-all"),
]


async def close_case(url: str, case_id: int) -> None:
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        await session.execute(update(Case).where(Case.id == case_id).values(status="selesai"))
    await engine.dispose()


async def test_psm_without_cases_is_told_there_are_none(harness: BotHarness, schema: str) -> None:
    await add_user(schema, PSM_ID)
    reply = await harness.user(PSM_ID).send("/kasus")
    assert said("cases-none") in reply.text
    assert reply.buttons == MINE_FILTERS
    harness.telegram.assert_no_rejections()


async def test_back_to_the_list_after_the_last_case_closed_says_there_are_none(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    case_id = await add_case(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    await chat.send("/kasus")
    await chat.tap("TNG-2026-00001")
    await close_case(schema, case_id)
    await chat.tap(said("button-case-list"))
    latest = chat.history()[-1]
    assert said("cases-none") in latest["text"] and chat.buttons() == MINE_FILTERS
    harness.telegram.assert_no_rejections()


async def test_a_psm_finds_a_closed_case_with_the_closed_filter(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    await close_case(schema, await add_case(schema, PSM_ID))
    await add_case(schema, PSM_ID, number="TNG-2026-00002")
    chat = harness.user(PSM_ID)
    listing = await chat.send("/kasus")
    assert "TNG-2026-00002" in " ".join(listing.buttons)
    assert "TNG-2026-00001" not in " ".join(listing.buttons)
    closed = await chat.tap(said("filter-mine-selesai"))
    labels = " ".join(chat.buttons())
    assert "TNG-2026-00001" in labels and "TNG-2026-00002" not in labels
    assert "• " + said("filter-mine-selesai") in chat.buttons() and closed.messages == []
    await chat.tap(said("filter-mine-all"))
    labels = " ".join(chat.buttons())
    assert "TNG-2026-00001" in labels and "TNG-2026-00002" in labels
    harness.telegram.assert_no_rejections()


async def test_list_button_tapped_again_leaves_the_same_list_alone(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    chat = harness.user(COORDINATOR_ID)
    listing = (await chat.send("/kasus")).last
    status_filter = listing["reply_markup"]["inline_keyboard"][-1][0]["callback_data"]
    await chat.tap_data(status_filter, listing)
    again = await chat.tap_data(status_filter, listing)  # same data: nothing new to show
    assert again.messages == [] and len(chat.history()) == 1
    harness.telegram.assert_no_rejections()


async def test_coordinator_without_cases_keeps_the_filters(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    reply = await harness.user(COORDINATOR_ID).send("/kasus")
    assert said("cases-empty") in reply.text
    assert said("filter-status-open") in reply.buttons
    harness.telegram.assert_no_rejections()


async def test_a_case_with_a_long_history_still_opens_in_one_message(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    case_id = await add_case(schema, PSM_ID)
    engine = create_engine(schema)
    async with create_sessions(engine).begin() as session:
        case = await session.get(Case, case_id)
        assert case is not None
        for day in range(2, 16):
            note = f"Kunjungan ke-{day}: " + "kondisi & kebutuhan <dicatat> " * 60
            at = datetime(2026, 12, day, 3, 0, tzinfo=UTC)
            session.add(
                CaseEvent(case_id=case_id, actor_id=case.reporter_id, kind="note", note=note, at=at)
            )
    await engine.dispose()
    reply = await harness.user(PSM_ID).send("/kasus TNG-2026-00001")
    harness.telegram.assert_no_rejections()
    assert "Kunjungan ke-15" in reply.text and len(reply.text) <= 4096
    assert "Kunjungan ke-2:" not in reply.text  # the oldest make room for the newest


async def test_list_button_with_an_unknown_status_is_answered_like_a_stale_one(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    chat = harness.user(COORDINATOR_ID)
    listing = (await chat.send("/kasus")).last
    await chat.tap_data("k:l:0:0:-:-", listing)
    assert harness.telegram.sent_to(ADMIN_ID) == []
