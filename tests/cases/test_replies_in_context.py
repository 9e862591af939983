"""Replies in context: nothing a person sends outside a conversation is dropped.

A PSM's plain message answers the one question pending on their cases (with a short-lived
undo), or asks which case when several wait; a case number in a caption or a Telegram reply to
a message about a case adds to that case, for coordinators and PSM alike. Only a message with
no context gets the hint, which names what the person can do.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.runtime.clock import FixedClock
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, CasePhoto
from storage.people import Role
from tests.conftest import ADMIN_ID
from tests.factories import add_case, add_psm_and_coordinator, add_user, fetch
from tests.harness import BotHarness, Chat, Reply
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID, STRANGER_ID = 1001, 2001, 3001
NUMBER = "TNG-2026-00001"
ANSWER = "Tidak punya, KTP hilang waktu banjir."


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)
    return await add_case(schema, PSM_ID)


async def ask_question(harness: BotHarness, number: str = NUMBER) -> None:
    """The coordinator returns the case with a question, and it reaches the PSM."""
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send(f"/kasus {number}")
    await coordinator.tap(said("action-return"))
    await coordinator.send("Apakah nenek punya KTP?")
    await harness.deliver()


def notices_to(harness: BotHarness, chat_id: int, key: str) -> int:
    pattern = said_pattern(key)
    return sum(bool(pattern.search(m.get("text") or "")) for m in harness.telegram.sent_to(chat_id))


async def kinds(schema: str, case_id: int) -> list[str]:
    return [e.kind for e in await fetch(schema, CaseEvent, case_id=case_id)]


async def test_a_plain_message_answers_the_one_pending_question_and_can_be_undone_for_a_minute(
    harness: BotHarness, case_id: int, schema: str, clock: FixedClock
) -> None:
    await ask_question(harness)
    psm = harness.user(PSM_ID)
    taken = await psm.send(ANSWER)
    assert taken.says("reply-answered", number=NUMBER), taken.text
    assert said("button-undo-answer") in taken.buttons
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "baru" and (await kinds(schema, case_id))[-1] == "answer"
    await harness.deliver()
    assert notices_to(harness, COORDINATOR_ID, "notice-answer") == 0, "held while it can be undone"

    undone = await psm.tap(said("button-undo-answer"))
    assert said("reply-undone", number=NUMBER) in psm.history()[-1]["text"] and not undone.messages
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "dikembalikan" and (await kinds(schema, case_id))[-1] == "answer_undone"
    clock.set(clock.now() + timedelta(minutes=2))
    await harness.deliver()
    assert notices_to(harness, COORDINATOR_ID, "notice-answer") == 0, "never told"
    audits = [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)]
    assert "case.answer" in audits and "case.answer_undone" in audits

    await psm.send(ANSWER)
    clock.set(clock.now() + timedelta(minutes=2))
    await harness.deliver()
    assert notices_to(harness, COORDINATOR_ID, "notice-answer") == 1
    await psm.tap(said("button-undo-answer"))
    assert said("reply-undo-late") in harness.button_answers()[-1]


async def test_with_several_questions_pending_the_psm_picks_the_case_and_nothing_is_lost(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    second = await add_case(schema, PSM_ID, number="TNG-2026-00002")
    await ask_question(harness)
    await ask_question(harness, "TNG-2026-00002")
    psm = harness.user(PSM_ID)
    asked = await psm.send(ANSWER)
    assert asked.says("reply-pick-case", count=2)
    assert sorted(asked.buttons) == [NUMBER, "TNG-2026-00002"]
    await psm.send_photo()  # sent before choosing: kept with the held message
    taken = await psm.tap("TNG-2026-00002")
    assert taken.says("reply-answered", number="TNG-2026-00002")
    [answer] = [e for e in await fetch(schema, CaseEvent, case_id=second) if e.kind == "answer"]
    assert answer.note == ANSWER
    assert len(await fetch(schema, CasePhoto, case_id=second)) == 1
    [first] = await fetch(schema, Case, id=case_id)
    assert first.status == "dikembalikan", "the other question still waits"


async def test_a_photo_captioned_with_a_case_number_is_added_to_that_case(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    reply = await psm.send_photo(caption="tng-2026-00001 kondisi rumah sekarang")
    assert reply.says("reply-noted", number=NUMBER)
    assert len(await fetch(schema, CasePhoto, case_id=case_id)) == 1
    [note] = [e for e in await fetch(schema, CaseEvent, case_id=case_id) if e.kind == "note"]
    assert note.note == "tng-2026-00001 kondisi rumah sekarang"
    await harness.deliver()
    assert notices_to(harness, COORDINATOR_ID, "notice-note") == 1


async def test_replies_to_a_card_and_to_a_notice_add_to_the_case_on_both_sides(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator, psm = harness.user(COORDINATOR_ID), harness.user(PSM_ID)
    await coordinator.send(f"/kasus {NUMBER}")
    card = coordinator.last_with_buttons()
    noted = await coordinator.send("Sudah saya telepon keluarganya.", reply_to=card)
    assert noted.says("reply-noted", number=NUMBER)
    await harness.deliver()
    notice = psm.history()[-1]
    assert (
        said("notice-note", who="Pak Budi", number=NUMBER, note="Sudah saya telepon keluarganya.")
        in notice["text"]
    )

    answered = await psm.send_photo(reply_to=notice)
    assert answered.says("reply-noted", number=NUMBER)
    assert len(await fetch(schema, CasePhoto, case_id=case_id)) == 1
    assert (await kinds(schema, case_id))[-2:] == ["note", "note"]


async def test_a_case_number_alone_opens_the_case(harness: BotHarness, case_id: int) -> None:
    shown = await harness.user(COORDINATOR_ID).send(NUMBER.lower())
    assert shown.says("case-detail", number=NUMBER)


async def test_a_reply_to_a_closed_case_is_not_added_and_says_so(
    harness: BotHarness, schema: str
) -> None:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)
    case_id = await add_case(schema, PSM_ID, status="selesai")
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    reply = await psm.send("Nenek sudah pindah.", reply_to=psm.last_with_buttons())
    assert said("reply-case-closed") in reply.text
    assert await kinds(schema, case_id) == ["created"]


ROLES = {"psm": PSM_ID, "coordinator": COORDINATOR_ID, "admin": ADMIN_ID}
HINT = {"psm": "hint-psm", "coordinator": "hint-coordinator", "admin": "hint-coordinator"}


async def send(chat: Chat, kind: str, words: str, reply_to: dict[str, object] | None) -> Reply:
    if kind == "photo":
        return await chat.send_photo(caption=words or None, reply_to=reply_to)
    return await chat.send(words or "Halo", reply_to=reply_to)


@pytest.mark.parametrize("kind", ["text", "photo"])
@pytest.mark.parametrize("role", list(ROLES))
async def test_every_role_is_heard_in_context_and_hinted_only_without_one(
    harness: BotHarness, case_id: int, schema: str, role: str, kind: str
) -> None:
    chat = harness.user(ROLES[role])
    await chat.send(f"/kasus {NUMBER}")
    card = chat.last_with_buttons()
    events = len(await kinds(schema, case_id))
    for words, reply_to in (("Sudah dicek", card), (f"{NUMBER}: sudah dicek", None)):
        reply = await send(chat, kind, words, reply_to)
        assert reply.says("reply-noted", number=NUMBER), f"{role} {kind}: {reply.text}"
        assert not reply.says(HINT[role]) and not reply.says("hint")
        events += 1
        assert len(await kinds(schema, case_id)) == events, "added, not lost"
    reply = await send(chat, kind, "", None)
    assert reply.says(HINT[role]), f"{role} {kind} without a context: {reply.text}"
    assert len(await kinds(schema, case_id)) == events


async def test_a_stranger_is_told_to_register(harness: BotHarness, case_id: int) -> None:
    reply = await harness.user(STRANGER_ID).send("Halo, saya mau lapor")
    assert reply.says("access-unregistered")


async def test_a_message_during_a_conversation_stays_in_it(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await ask_question(harness)
    psm = harness.user(PSM_ID)
    await psm.send("/lapor")
    await psm.tap("Lansia")
    await psm.tap("Lanjut Usia Telantar")
    assert said("report-ask-nik") in (await psm.send("Mak Onah")).text
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "dikembalikan", "a report's answer is not taken as the case's"


async def test_another_areas_case_number_is_refused_without_saying_whether_it_exists(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await add_user(schema, 4001, Role.COORDINATOR, kelurahan=None, areas=("367105",))
    reply = await harness.user(4001).send(f"{NUMBER} ini kasus siapa?")
    assert said("case-refused") in reply.text
    assert await kinds(schema, case_id) == ["created"]
