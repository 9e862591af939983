"""Someone leaves: their open cases are handed over or kept, nudges go to the coordinator
meanwhile, and nothing reaches them any more, not even what was queued before."""

from __future__ import annotations

from datetime import timedelta

from bot.runtime.clock import FixedClock
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent
from storage.conversations import ConversationDraft
from storage.delivery import OutboxMessage
from storage.people import User
from tests.factories import add_case, fetch
from tests.harness import BotHarness, Chat
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, People
from tests.reporting import fill_until_review
from tests.texts import said

MEETING = "Rapat PSM hari Jumat."
FAREWELL = said("person-farewell", reason="Mengundurkan diri", contact="Pak Budi")


async def deactivate(coordinator: Chat, name: str, reason: str = "Mengundurkan diri") -> None:
    await coordinator.send("/pengguna")
    await coordinator.tap(name)
    await coordinator.tap(said("person-act-off"))
    await coordinator.send(reason)


async def test_deactivation_hands_open_cases_to_a_colleague_of_the_kelurahan(
    harness: BotHarness, people: People, schema: str
) -> None:
    first = await add_case(schema, LUTPIAH, number="TNG-2026-00001")
    await add_case(schema, LUTPIAH, number="TNG-2026-00002")
    await add_case(schema, LUTPIAH, number="TNG-2026-00003", status="selesai")
    coordinator = harness.user(BUDI)
    await deactivate(coordinator, "Lutpiah")
    question = coordinator.last_with_buttons()
    assert question["text"] == said("handover-ask", name="Lutpiah", count=2)
    to_rina = said("handover-to", name="Rina Marlina")
    assert coordinator.buttons() == [to_rina, said("handover-keep")]
    forged = await coordinator.tap_data(f"u:h:{people[LUTPIAH]}:{people[DEDI]}", question)
    assert forged.messages == [] and harness.button_answers()[-1] == said("people-stale")

    await coordinator.tap(to_rina, question)
    numbers = "TNG-2026-00001, TNG-2026-00002"
    done = said("handover-done", numbers=numbers, name="Rina Marlina")
    assert coordinator.history()[-1]["text"] == done
    cases = {case.number: case for case in await fetch(schema, Case)}
    assert cases["TNG-2026-00001"].reporter_id == people[RINA]
    assert cases["TNG-2026-00002"].reporter_id == people[RINA]
    assert cases["TNG-2026-00003"].reporter_id == people[LUTPIAH], "closed cases stay put"
    events = [e.kind for e in await fetch(schema, CaseEvent, case_id=first)]
    assert events == ["created", "handed_over"]
    assert len(await fetch(schema, AuditEntry, action="case.handover")) == 2
    await harness.deliver()
    [told] = harness.telegram.sent_to(RINA)
    # Rina reads English.
    assert told["text"] == said("handover-received", "en", numbers=numbers, name="Lutpiah")
    # The same question also went to any other reviewer: a second answer changes nothing.
    again = await coordinator.tap_data(f"u:h:{people[LUTPIAH]}:{people[RINA]}", question)
    assert again.messages == [] and harness.button_answers()[-1] == said("people-stale")


async def test_until_someone_decides_nudges_go_to_the_coordinator(
    harness: BotHarness, people: People, schema: str, clock: FixedClock
) -> None:
    case_id = await add_case(schema, LUTPIAH, next_nudge_at=clock.now() + timedelta(days=1))
    coordinator = harness.user(BUDI)
    await deactivate(coordinator, "Lutpiah")
    question = coordinator.last_with_buttons()
    await harness.deliver()
    clock.set(clock.now() + timedelta(days=1))
    await harness.run_job("follow_up")
    await harness.deliver()
    assert [m["text"] for m in harness.telegram.sent_to(LUTPIAH)] == [FAREWELL]
    nudged = coordinator.history()[-1]
    assert nudged["text"] == said(
        "departed-nudge-message", number="TNG-2026-00001", name="Mak Onah", reporter="Lutpiah"
    )
    [case] = await fetch(schema, Case, id=case_id)
    assert case.next_nudge_at is not None, "the case keeps its follow-up schedule"
    await coordinator.tap(said("handover-keep"), question)
    [answered] = [m for m in coordinator.history() if m["message_id"] == question["message_id"]]
    assert answered["text"] == said("handover-kept", count=1, name="Lutpiah")
    assert "reply_markup" not in answered
    [case] = await fetch(schema, Case, id=case_id)
    assert case.reporter_id == people[LUTPIAH]
    assert len(await fetch(schema, AuditEntry, action="user.cases_kept")) == 1


async def test_a_deactivated_psm_is_refused_politely_everywhere(
    harness: BotHarness, people: People, schema: str
) -> None:
    await deactivate(harness.user(BUDI), "Lutpiah")
    psm = harness.user(LUTPIAH)
    for command in ("/lapor", "/kasus", "/profil", "/start"):
        reply = await psm.send(command)
        assert reply.text == said("access-inactive"), command
    refused = await psm.send("/siaran")
    assert refused.text == said("broadcast-not-allowed")
    assert [c for c in await fetch(schema, Case)] == []


async def test_a_broadcast_queued_before_the_deactivation_is_not_delivered(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await coordinator.send("/siaran")
    await coordinator.send(MEETING)
    await coordinator.tap(said("broadcast-to-mine", names="Tangerang"))
    queued = await coordinator.tap(said("broadcast-button-send"))
    assert queued.says("broadcast-queued", count=2)
    await deactivate(coordinator, "Lutpiah")
    await harness.deliver()
    assert [m["text"] for m in harness.telegram.sent_to(LUTPIAH)] == [FAREWELL], "only why"
    received = said("broadcast-message", "en", author="Pak Budi", body=MEETING)
    assert harness.telegram.sent_to(RINA)[-1]["text"] == received
    rows = {row.user_id: row for row in await fetch(schema, OutboxMessage, kind="broadcast")}
    assert rows[people[LUTPIAH]].status == "cancelled"
    assert rows[people[RINA]].status == "sent"
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.status == "inactive"


async def test_a_psm_deactivated_while_reporting_cannot_submit_and_keeps_the_draft(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await fill_until_review(psm)
    await deactivate(harness.user(BUDI), "Lutpiah")
    refused = await psm.tap(said("button-submit"))
    assert refused.says("access-inactive")
    assert await fetch(schema, Case) == []
    await harness.deliver()
    assert not any("TNG-" in m.get("text", "") for m in harness.telegram.sent_to(BUDI))
    [kept] = await fetch(schema, ConversationDraft, telegram_id=LUTPIAH)
    assert kept.data["name"] == "Mak Onah"


async def test_a_deactivated_psm_is_told_once_why_and_whom_to_contact(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await deactivate(coordinator, "Lutpiah", reason="Pindah tugas ke Bandung")
    await harness.deliver()
    await harness.deliver()
    told = [m["text"] for m in harness.telegram.sent_to(LUTPIAH)]
    assert told == [said("person-farewell", reason="Pindah tugas ke Bandung", contact="Pak Budi")]
    assert (await harness.user(LUTPIAH).send("/lapor")).text == said("access-inactive")
