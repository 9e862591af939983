"""Nudges on a controlled clock: due times, quiet hours, answers, escalation, reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.runtime.clock import FixedClock
from storage.cases import Case, CaseEvent, Referral
from tests.factories import add_case, add_psm_and_coordinator, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID = 1001, 2001
NUMBER = "TNG-2026-00001"
TICK = "follow_up"


@pytest.fixture
async def people(harness: BotHarness, schema: str) -> None:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)


async def follow_up(harness: BotHarness) -> None:
    """One tick of the follow-up job, then whatever it queued is delivered."""
    await harness.run_job(TICK)
    await harness.deliver()


def nudges_to(harness: BotHarness, chat_id: int, key: str) -> list[str]:
    """The texts in the chat that are the catalog message `key`, whatever its values."""
    pattern = said_pattern(key)
    return [
        m["text"] for m in harness.telegram.sent_to(chat_id) if pattern.search(m.get("text", ""))
    ]


async def test_submitted_case_is_due_after_its_urgencys_interval(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    chat = harness.user(PSM_ID)
    await fill_until_review(chat)  # urgency Darurat
    await chat.tap(said("button-submit"))
    [case] = await fetch(schema, Case)
    assert case.next_nudge_at == clock.now() + timedelta(days=1)


@pytest.mark.parametrize(
    ("urgency", "days"), [("darurat", 1), ("tinggi", 3), ("sedang", 7), ("rendah", 14)]
)
async def test_nudge_comes_when_due_and_not_before(
    harness: BotHarness, people: None, schema: str, clock: FixedClock, urgency: str, days: int
) -> None:
    start = clock.now()
    await add_case(
        schema, PSM_ID, urgency=urgency, at=start, next_nudge_at=start + timedelta(days=days)
    )
    clock.set(start + timedelta(days=days) - timedelta(minutes=1))
    await follow_up(harness)
    assert nudges_to(harness, PSM_ID, "nudged-message") == []
    clock.set(start + timedelta(days=days))
    await follow_up(harness)
    [nudge] = nudges_to(harness, PSM_ID, "nudged-message")
    assert nudge == said("nudged-message", number=NUMBER, name="Mak Onah")
    assert harness.user(PSM_ID).buttons() == [
        said("nudge-progress"),
        said("nudge-ongoing"),
        said("nudge-resolved"),
    ]


async def test_quiet_hours_hold_nudges_until_morning(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    evening = clock.now().replace(hour=14)  # 21:00 in Jakarta
    await add_case(schema, PSM_ID, next_nudge_at=evening - timedelta(hours=1))
    clock.set(evening)
    await follow_up(harness)
    clock.set(evening + timedelta(hours=9, minutes=59))  # 06:59
    await follow_up(harness)
    assert nudges_to(harness, PSM_ID, "nudged-message") == []
    clock.set(evening + timedelta(hours=10))  # 07:00
    await follow_up(harness)
    assert len(nudges_to(harness, PSM_ID, "nudged-message")) == 1


async def test_answering_a_nudge_restarts_the_clock(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    case_id = await add_case(schema, PSM_ID, status="diverifikasi", next_nudge_at=clock.now())
    await follow_up(harness)
    clock.set(clock.now() + timedelta(hours=3))
    await harness.user(PSM_ID).tap(said("nudge-ongoing"))
    await harness.deliver()
    [case] = await fetch(schema, Case, id=case_id)
    assert case.nudges_unanswered == 0 and case.next_nudge_at == clock.now() + timedelta(days=7)
    notice = said("notice-in_progress", who="Lutpiah", number=NUMBER)
    assert notice in harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]


async def test_resolved_answer_marks_the_case_handled(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    case_id = await add_case(schema, PSM_ID, status="diverifikasi", next_nudge_at=clock.now())
    await follow_up(harness)
    await harness.user(PSM_ID).tap(said("nudge-resolved"))
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "ditangani"


async def test_two_unanswered_nudges_escalate_once_and_a_restart_repeats_nothing(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    case_id = await add_case(schema, PSM_ID, urgency="tinggi", next_nudge_at=clock.now())
    for _ in range(3):
        await follow_up(harness)
        await harness.restart()
        await follow_up(harness)
        clock.set(clock.now() + timedelta(days=3))
    await follow_up(harness)
    assert len(nudges_to(harness, PSM_ID, "nudged-message")) == 2
    [escalation] = nudges_to(harness, COORDINATOR_ID, "escalated-message")
    assert escalation == said(
        "escalated-message", number=NUMBER, name="Mak Onah", reporter="Lutpiah", count=2
    )
    kinds = [e.kind for e in await fetch(schema, CaseEvent, case_id=case_id)]
    assert kinds == ["created", "nudged", "nudged", "escalated"]


async def test_referral_without_outcome_reminds_its_coordinator(
    harness: BotHarness, people: None, schema: str, clock: FixedClock
) -> None:
    await add_case(schema, PSM_ID, status="diverifikasi")
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-refer"))
    await coordinator.tap("BPJS")
    await coordinator.tap(said("button-sectors-done"))
    await coordinator.send("Mohon aktivasi BPJS PBI.")
    clock.set(clock.now() + timedelta(days=7))
    await follow_up(harness)
    await follow_up(harness)
    [reminder] = nudges_to(harness, COORDINATOR_ID, "referral-reminder")
    assert reminder == said("referral-reminder", number=NUMBER, sector="BPJS Kesehatan", days=7)
    [referral] = await fetch(schema, Referral)
    assert referral.next_nudge_at == clock.now() + timedelta(days=7), "next reminder a week on"


async def test_idle_draft_gets_exactly_one_reminder(
    harness: BotHarness, people: None, clock: FixedClock
) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/lapor")
    await chat.tap("Anak")
    clock.set(clock.now() + timedelta(hours=1, minutes=59))
    await follow_up(harness)
    assert nudges_to(harness, PSM_ID, "draft-reminder") == []
    clock.set(clock.now() + timedelta(minutes=2))
    await follow_up(harness)
    await harness.restart()
    await follow_up(harness)
    assert len(nudges_to(harness, PSM_ID, "draft-reminder")) == 1
    assert said("report-ask-name") in (await chat.tap("Anak Telantar")).text, "the draft is intact"
