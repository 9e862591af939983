"""Broadcasts keep to Telegram's real limits, so Telegram never has to answer 429."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from bot.runtime.clock import FixedClock
from bot.runtime.settings import Settings
from tests.delivery.outboxing import add_psm, deliveries, queue
from tests.harness import BotHarness

# Telegram's limit per bot in this test, scaled down so that a run takes two seconds.
LIMIT = 24


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"broadcast_rate": 20, "telegram_max_rate": LIMIT})


async def test_a_broadcast_at_full_rate_is_never_refused(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 45)
    await queue(schema, 1, people, clock)
    harness.telegram.telegram_limits(LIMIT)
    await harness.run_job("outbox")
    assert harness.telegram.rate_limited_count == 0
    assert deliveries(harness) == Counter(people)


async def test_after_a_429_the_bot_sends_nothing_until_the_wait_is_over(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 10)
    await queue(schema, 1, people, clock)
    harness.telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1)
    await harness.run_job("outbox")
    sends = [r for r in harness.telegram.requests if r.method == "sendMessage"]
    refused = next(r for r in sends if r.error_code == 429)
    after = [r.time - refused.time for r in sends if r.time > refused.time]
    assert after and min(after) >= 1.0
    assert deliveries(harness) == Counter(people)


async def test_messages_to_one_chat_go_a_second_apart_while_others_go_meanwhile(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    people = await add_psm(schema, 20)
    busy, others = people[:2], people[2:]
    for campaign in (1, 2, 3):  # three notices each for two people, queued at once
        await queue(schema, campaign, busy, clock)
    await queue(schema, 4, others, clock)
    harness.telegram.telegram_limits(LIMIT)
    await harness.run_job("outbox")
    assert harness.telegram.rate_limited_count == 0
    assert deliveries(harness) == Counter(busy * 3 + others)
    sends = [r for r in harness.telegram.requests if r.method == "sendMessage" and r.ok]
    for chat in busy:
        times = [r.time for r in sends if int(r.params["chat_id"]) == chat]
        assert min(b - a for a, b in pairwise(times)) >= 0.9
    # The others did not wait behind them: all went out within the first second or so.
    first = min(r.time for r in sends)
    assert max(r.time for r in sends if int(r.params["chat_id"]) in others) - first < 1.5
