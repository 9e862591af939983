"""A Darurat alert through Telegram's 500s, on the real clock: the sender wakes for each quick
retry (1 s, then 3 s twice) instead of waiting for its next tick."""

from __future__ import annotations

import time

import pytest

from bot.runtime.clock import Clock
from storage.delivery import OutboxMessage
from tests.factories import add_psm_and_coordinator, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID = 1001, 2001


@pytest.fixture
def clock() -> Clock:
    """The wall clock: the retries are timed as they happen."""
    return Clock()


def alerted(harness: BotHarness) -> int:
    pattern = said_pattern("case-new-darurat")
    return sum(
        bool(pattern.search(m.get("text") or "")) for m in harness.telegram.sent_to(COORDINATOR_ID)
    )


async def test_three_server_errors_delay_a_darurat_alert_by_at_most_ten_seconds(
    harness: BotHarness, schema: str
) -> None:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)
    psm = harness.user(PSM_ID)
    await fill_until_review(psm)
    for _ in range(3):
        harness.telegram.fail_next(
            "sendMessage", 500, "Internal Server Error", chat_id=COORDINATOR_ID
        )
    await psm.tap(said("button-submit"))
    submitted = time.monotonic()
    # The first try, as the tick would make it; the test's ticks are an hour apart, so every
    # later try is the sender waking by itself.
    await harness.deliver()
    assert await harness.telegram.signal.wait_until(lambda: alerted(harness) == 1, 15)
    waited = time.monotonic() - submitted
    assert waited <= 10, f"the alert waited {waited:.1f} s"
    await harness.deliver()  # waits for the wake in flight, whose outcome is being written
    rows = await fetch(schema, OutboxMessage, kind="case_alert")
    [row] = [r for r in rows if r.chat_id == COORDINATOR_ID]
    assert (row.status, row.attempts) == ("sent", 4)
