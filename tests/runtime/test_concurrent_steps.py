"""Many PSM answering at the same moment: every answer is kept, as if each had been alone."""

from __future__ import annotations

import asyncio

import pytest

from bot.runtime.chat_state import ChatState, ChatStates, Saved
from bot.runtime.clock import FixedClock
from storage.conversations import ConversationDraft
from storage.db import create_engine
from storage.people import Role, User, UserStatus
from tests.factories import START, SUKARASA, add_rows, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said

CROWD = 12
FIRST_PSM = 5001


@pytest.fixture
async def crowd(harness: BotHarness, schema: str) -> list[int]:
    ids = list(range(FIRST_PSM, FIRST_PSM + CROWD))
    await add_rows(
        schema,
        *(
            User(
                created_at=START,
                telegram_id=i,
                full_name=f"PSM {i}",
                role=Role.PSM,
                status=UserStatus.ACTIVE,
                kelurahan_code=SUKARASA,
                kecamatan_code=SUKARASA[:6],
            )
            for i in ids
        ),
    )
    return ids


async def test_answers_given_at_the_same_moment_are_all_kept_through_a_restart(
    harness: BotHarness, schema: str, crowd: list[int]
) -> None:
    chats = [harness.user(i) for i in crowd]
    await asyncio.gather(*(chat.send("/lapor") for chat in chats))
    replies = await asyncio.gather(*(chat.tap("Lansia") for chat in chats))
    assert all("Lanjut Usia Telantar" in reply.buttons for reply in replies)
    await harness.restart()
    for chat in chats:
        assert said("report-ask-name") in (await chat.tap("Lanjut Usia Telantar")).text
    rows = await fetch(schema, ConversationDraft, conversation="report")
    assert sorted(row.telegram_id for row in rows) == crowd


async def test_complete_reports_filed_at_once_each_become_a_case(
    harness: BotHarness, crowd: list[int]
) -> None:
    async def report(telegram_id: int) -> str:
        chat = harness.user(telegram_id)
        await fill_until_review(chat)
        return (await chat.tap(said("button-submit"))).text

    saved = await asyncio.gather(*(report(i) for i in crowd[:6]))
    numbers = {text.split("TNG-")[1][:10] for text in saved}
    assert len(numbers) == 6, "each report got its own number"


async def test_when_the_commit_fails_no_one_is_told_their_answer_was_kept(
    database_url: str, clock: FixedClock
) -> None:
    # A database without tables: every save's commit fails.
    engine = create_engine(database_url)
    chats = ChatStates(engine, clock)
    states = [ChatState(i, {"report": Saved(1, {})}) for i in range(1, 6)]
    results = await asyncio.gather(
        *(chats.save(state, state.telegram_id, "report", Saved(2, {"x": 1})) for state in states),
        return_exceptions=True,
    )
    await engine.dispose()
    assert all(isinstance(result, Exception) for result in results)
    assert all(state.drafts["report"].step == 1 for state in states), "the last kept step stays"
