"""Random updates into every state of every conversation: no traceback, no refused request,
and the conversation can still be finished afterwards."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import EXAMPLES, Failures
from tests.fuzz.driving import CONVERSATIONS, Driver
from tests.fuzz.noise import Event, events, shaped_data
from tests.fuzz.rows import outcomes, prepare
from tests.harness import BotHarness

_users = itertools.count(10_000)
# A long run may take as long as it needs; the default run stays within the usual limit.
pytestmark = pytest.mark.timeout(0 if EXAMPLES else 120)


def problems(harness: BotHarness, failures: Failures, since: int) -> list[str]:
    refused = [
        f"{r.method} -> {r.error} {r.params!r:.300}"
        for r in harness.telegram.requests[since:]
        if r.error_code is not None and not r.injected
    ]
    return refused + failures.seen


async def _midway(
    harness: BotHarness, failures: Failures, conversation: str, data: Any
) -> tuple[Driver, int]:
    """A new user somewhere in `conversation`: started and a random number of steps answered;
    with the mark of the fake server's requests from which problems count."""
    user_id, since = next(_users), harness.telegram.mark()
    failures.seen.clear()
    driver = Driver(harness, harness.user(user_id))
    driver.case_id = await prepare(driver.services, conversation, user_id)
    await driver.start(conversation)
    for _ in range(data.draw(st.integers(0, 15), label="answers before the noise")):
        await driver.step()
    return driver, since


@pytest.mark.parametrize("conversation", CONVERSATIONS)
@given(data=st.data())
async def test_random_updates_break_no_conversation(
    conversation: str, harness: BotHarness, failures: Failures, data: Any
) -> None:
    driver, since = await _midway(harness, failures, conversation, data)
    chat, user_id = driver.chat, driver.chat.id
    noise = data.draw(st.lists(events, min_size=1, max_size=6), label="noise")
    for event in noise:
        await event.apply(chat, lambda options: data.draw(st.sampled_from(options)))
    assert problems(harness, failures, since) == []

    before = await outcomes(driver.services, conversation, user_id)
    await driver.settle()
    if await outcomes(driver.services, conversation, user_id) == before:
        await driver.start(conversation)
        await driver.settle()
    assert await outcomes(driver.services, conversation, user_id) > before or (
        conversation == "start" and before == 1
    )
    assert problems(harness, failures, since) == []
    assert harness.telegram.account.open_callback_queries == set(), "a button left spinning"


@pytest.mark.parametrize("conversation", CONVERSATIONS)
@settings(max_examples=EXAMPLES or 3)
@given(data=st.data())
async def test_forged_buttons_shaped_like_the_bots_own_are_refused_kindly(
    conversation: str, harness: BotHarness, failures: Failures, data: Any
) -> None:
    driver, since = await _midway(harness, failures, conversation, data)
    chat = driver.chat
    for forged in data.draw(st.lists(shaped_data, min_size=1, max_size=4), label="forged"):
        await Event("forged", (forged,)).apply(chat, lambda o: data.draw(st.sampled_from(o)))
    assert problems(harness, failures, since) == []
    # Each press was answered, so no button is left spinning on the user's phone.
    assert harness.telegram.account.open_callback_queries == set()
