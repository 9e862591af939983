"""Messages the bot owes (alerts, notices, nudges, escalations, approvals, reminders) survive
crashes and 500s."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.runtime.clock import FixedClock
from bot.runtime.settings import Settings
from storage.delivery import OutboxMessage
from tests.delivery.outboxing import add_psm, queue
from tests.factories import add_case, add_psm_and_coordinator, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID, APPLICANT_ID = 1001, 2001, 1009
# What one user does, and who is then owed which message (recipient, its catalog key).
Cause = Callable[[BotHarness, str], Awaitable[tuple[int, str]]]


async def report_a_case(harness: BotHarness, schema: str) -> tuple[int, str]:
    psm = harness.user(PSM_ID)
    await fill_until_review(psm)
    await psm.tap(said("button-submit"))
    return COORDINATOR_ID, "case-new-darurat"


async def verify_a_case(harness: BotHarness, schema: str) -> tuple[int, str]:
    await add_case(schema, PSM_ID)
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-verify"))
    return PSM_ID, "notice-verify"


async def let_a_case_go_quiet(harness: BotHarness, schema: str) -> tuple[int, str]:
    assert isinstance(harness.clock, FixedClock)
    await add_case(schema, PSM_ID, next_nudge_at=harness.clock.now())
    await harness.run_job("follow_up")
    return PSM_ID, "nudged-message"


async def apply_without_roster(harness: BotHarness, schema: str) -> tuple[int, str]:
    chat = harness.user(APPLICANT_ID)
    await chat.send("/start")
    await chat.share_contact("081299998888")
    await chat.send("Rina Marlina")
    await chat.tap("Tangerang")
    await chat.tap("Sukarasa")
    return COORDINATOR_ID, "approval-request"


async def approve_an_applicant(harness: BotHarness, schema: str) -> tuple[int, str]:
    await apply_without_roster(harness, schema)
    await harness.deliver()
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.tap(said("button-approve"), coordinator.last_with_buttons())
    return APPLICANT_ID, "signup-approved"


async def leave_nudges_unanswered(harness: BotHarness, schema: str) -> tuple[int, str]:
    assert isinstance(harness.clock, FixedClock)
    await add_case(schema, PSM_ID, urgency="tinggi", next_nudge_at=harness.clock.now())
    for _ in range(2):
        await harness.run_job("follow_up")
        await harness.deliver()  # the nudges to the PSM, who does not answer
        harness.clock.set(harness.clock.now() + timedelta(days=3))
    await harness.run_job("follow_up")
    return COORDINATOR_ID, "escalated-message"


async def leave_a_referral_without_outcome(harness: BotHarness, schema: str) -> tuple[int, str]:
    assert isinstance(harness.clock, FixedClock)
    await add_case(schema, PSM_ID, status="diverifikasi")
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-refer"))
    await coordinator.tap("BPJS")
    await coordinator.tap(said("button-sectors-done"))
    await coordinator.send("Mohon aktivasi BPJS PBI.")
    await harness.deliver()  # the referral's notice to the PSM
    harness.clock.set(harness.clock.now() + timedelta(days=7))
    await harness.run_job("follow_up")
    return COORDINATOR_ID, "referral-reminder"


async def leave_a_report_half_done(harness: BotHarness, schema: str) -> tuple[int, str]:
    assert isinstance(harness.clock, FixedClock)
    psm = harness.user(PSM_ID)
    await psm.send("/lapor")
    await psm.tap("Anak")
    harness.clock.set(harness.clock.now() + timedelta(hours=2, minutes=1))
    await harness.run_job("follow_up")
    return PSM_ID, "draft-reminder"


CAUSES = [
    report_a_case,
    verify_a_case,
    let_a_case_go_quiet,
    apply_without_roster,
    approve_an_applicant,
    leave_nudges_unanswered,
    leave_a_referral_without_outcome,
    leave_a_report_half_done,
]


def received(harness: BotHarness, chat_id: int, key: str) -> int:
    """How many messages of the catalog text `key` the chat has received."""
    pattern = said_pattern(key)
    return sum(bool(pattern.search(m.get("text") or "")) for m in harness.telegram.sent_to(chat_id))


@pytest.fixture
async def people(harness: BotHarness, schema: str) -> None:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)


@pytest.mark.parametrize("cause", CAUSES, ids=lambda cause: cause.__name__)
async def test_an_owed_message_survives_a_crash_right_after_its_cause_is_committed(
    harness: BotHarness, schema: str, people: None, cause: Cause
) -> None:
    recipient, key = await cause(harness, schema)
    assert received(harness, recipient, key) == 0, "owed, not yet sent: it is in the outbox"
    await harness.restart()
    await harness.deliver()
    await harness.deliver()
    assert received(harness, recipient, key) == 1


@pytest.mark.parametrize("cause", CAUSES, ids=lambda cause: cause.__name__)
async def test_an_owed_message_gets_through_three_server_errors_within_seconds_and_once(
    harness: BotHarness, schema: str, people: None, clock: FixedClock, cause: Cause
) -> None:
    recipient, key = await cause(harness, schema)
    for _ in range(3):
        harness.telegram.fail_next("sendMessage", 500, "Internal Server Error", chat_id=recipient)
    started = clock.now()
    while received(harness, recipient, key) == 0:
        await harness.deliver()
        clock.set(clock.now() + timedelta(seconds=1))
        assert clock.now() - started < timedelta(seconds=30), "personal retries are quick"
    await harness.deliver()
    assert received(harness, recipient, key) == 1
    # A Darurat alert's map pin is a message of its own (sendLocation), not one of these.
    rows = [
        r
        for r in await fetch(schema, OutboxMessage)
        if r.chat_id == recipient and r.kind != "case_alert_place"
    ]
    assert [(r.status, r.attempts) for r in rows] == [("sent", 4)]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # Fast enough that a broadcast to a few hundred is seconds long, not minutes.
    return settings.model_copy(update={"broadcast_rate": 100, "telegram_max_rate": 150})


async def test_a_darurat_alert_overtakes_a_broadcast_in_progress(
    harness: BotHarness, schema: str, people: None, clock: FixedClock
) -> None:
    psm = harness.user(PSM_ID)
    await fill_until_review(psm)
    bulk = await add_psm(schema, 400)
    await queue(schema, 1, bulk, clock)
    sending = asyncio.create_task(harness.deliver())
    await harness.telegram.signal.wait_until(lambda: sent_to_any(harness, bulk) >= 50, 10)

    await psm.tap(said("button-submit"))
    submitted = time.monotonic()
    assert await harness.telegram.signal.wait_until(
        lambda: received(harness, COORDINATOR_ID, "case-new-darurat") == 1, 5
    )
    waited = time.monotonic() - submitted
    in_broadcast = sent_to_any(harness, bulk)
    await sending
    assert waited < 2, f"the alert waited {waited:.1f} s"
    assert in_broadcast < len(bulk) - 100, "the broadcast was far from done"
    assert sent_to_any(harness, bulk) == len(bulk)


def sent_to_any(harness: BotHarness, chat_ids: list[int]) -> int:
    wanted = {str(chat_id) for chat_id in chat_ids}
    return sum(
        1
        for r in harness.telegram.requests
        if r.method == "sendMessage" and r.ok and str(r.params["chat_id"]) in wanted
    )
