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
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, People, answers
from tests.reporting import fill_until_review


async def deactivate(coordinator: Chat, name: str, reason: str = "Mengundurkan diri") -> None:
    await coordinator.send("/pengguna")
    await coordinator.tap(name)
    await coordinator.tap("🚫 Nonaktifkan")
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
    assert "2 kasus terbuka" in question["text"]
    assert coordinator.buttons() == ["➡️ Serahkan ke Rina Marlina", "🗂️ Saya pegang sendiri"]
    forged = await coordinator.tap_data(f"u:h:{people[LUTPIAH]}:{people[DEDI]}", question)
    assert forged.messages == [] and "sudah berubah" in answers(harness)[-1]

    await coordinator.tap("Rina Marlina", question)
    assert "TNG-2026-00001, TNG-2026-00002" in coordinator.history()[-1]["text"]
    cases = {case.number: case for case in await fetch(schema, Case)}
    assert cases["TNG-2026-00001"].reporter_id == people[RINA]
    assert cases["TNG-2026-00002"].reporter_id == people[RINA]
    assert cases["TNG-2026-00003"].reporter_id == people[LUTPIAH], "closed cases stay put"
    events = [e.kind for e in await fetch(schema, CaseEvent, case_id=first)]
    assert events == ["created", "handed_over"]
    assert len(await fetch(schema, AuditEntry, action="case.handover")) == 2
    await harness.deliver()
    [told] = harness.telegram.sent_to(RINA)
    assert "TNG-2026-00001, TNG-2026-00002" in told["text"] and "Lutpiah" in told["text"]
    # The same question also went to any other reviewer: a second answer changes nothing.
    again = await coordinator.tap_data(f"u:h:{people[LUTPIAH]}:{people[RINA]}", question)
    assert again.messages == [] and "sudah berubah" in answers(harness)[-1]


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
    assert harness.telegram.sent_to(LUTPIAH) == []
    nudged = coordinator.history()[-1]
    assert "TNG-2026-00001" in nudged["text"] and "sudah tidak aktif" in nudged["text"]
    [case] = await fetch(schema, Case, id=case_id)
    assert case.next_nudge_at is not None, "the case keeps its follow-up schedule"
    await coordinator.tap("Saya pegang sendiri", question)
    [answered] = [m for m in coordinator.history() if m["message_id"] == question["message_id"]]
    assert "Anda pegang" in answered["text"] and "reply_markup" not in answered
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
        assert "Akun Anda sedang tidak aktif" in reply.text, command
    refused = await psm.send("/siaran")
    assert "koordinator" in refused.text.lower()
    assert [c for c in await fetch(schema, Case)] == []


async def test_a_broadcast_queued_before_the_deactivation_is_not_delivered(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await coordinator.send("/siaran")
    await coordinator.send("Rapat PSM hari Jumat.")
    await coordinator.tap("Kec. Tangerang")
    assert "2 orang" in (await coordinator.tap("Kirim")).text
    await deactivate(coordinator, "Lutpiah")
    await harness.deliver()
    assert harness.telegram.sent_to(LUTPIAH) == []
    assert "Rapat PSM" in harness.telegram.sent_to(RINA)[-1]["text"]
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
    refused = await psm.tap("Kirim laporan")
    assert "Akun Anda sedang tidak aktif" in refused.text
    assert await fetch(schema, Case) == []
    await harness.deliver()
    assert not any("TNG-" in m.get("text", "") for m in harness.telegram.sent_to(BUDI))
    [kept] = await fetch(schema, ConversationDraft, telegram_id=LUTPIAH)
    assert kept.data["name"] == "Mak Onah"
