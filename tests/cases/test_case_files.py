"""Voice notes and documents on an open case: a note by voice, an answer by voice, a PDF later."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.cases.attachments import MAX_BYTES
from bot.cases.buttons import CaseFiles
from bot.runtime.clock import FixedClock
from storage.attachments import AttachmentKind, CaseAttachment
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent
from storage.people import Role
from tests.factories import CIPONDOH, add_case, add_psm_and_coordinator, add_user, fetch
from tests.harness import BotHarness
from tests.texts import said

PSM_ID, COORDINATOR_ID = 1001, 2001
NUMBER = "TNG-2026-00001"
PDF = b"%PDF-1.4 surat pengantar RT"


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)
    return await add_case(schema, PSM_ID)


async def test_a_note_by_voice_reaches_the_coordinator_who_can_play_it_again(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    await psm.tap(said("action-note"))
    confirmed = await psm.send_voice(65, b"OggS kunjungan kedua")
    spoken = said("voice-note-text", length="1:05")
    assert said("case-updated") in confirmed.text
    assert said("event-note-suffix", note=spoken) in psm.last_with_buttons()["text"]
    [event] = [e for e in await fetch(schema, CaseEvent, case_id=case_id) if e.kind == "note"]
    [voice] = await fetch(schema, CaseAttachment, case_id=case_id)
    assert (voice.event_id, voice.duration, voice.data) == (event.id, 65, b"OggS kunjungan kedua")

    await harness.deliver()
    await harness.deliver()
    notice, sent = harness.telegram.sent_to(COORDINATOR_ID)[-2:]
    assert said("notice-note", who="Lutpiah", number=NUMBER, note=spoken) in notice["text"]
    assert sent["voice"]["duration"] == 65

    coordinator = harness.user(COORDINATOR_ID)
    card = await coordinator.send(f"/kasus {NUMBER}")
    assert said("button-case-voice", count=1) in card.buttons
    played = await coordinator.tap(said("button-case-voice", count=1))
    assert played.last["voice"] and played.last["caption"] == said(
        "voice-note-caption", number=NUMBER
    )
    assert "case.voice" in [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)]


async def test_the_psm_answers_a_coordinators_question_by_voice(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send(f"/kasus {NUMBER}")
    await coordinator.tap(said("action-return"))
    await coordinator.send("Apakah nenek punya KTP?")
    await harness.deliver()
    psm = harness.user(PSM_ID)
    await psm.tap(said("action-answer"), harness.telegram.sent_to(PSM_ID)[-1])
    refused = await psm.send_document("ktp.pdf", "application/pdf", data=PDF)
    assert said("case-file-refused") in refused.text, "an answer is words or a voice note"
    await psm.send_voice(20)
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "baru"
    await harness.deliver()
    await harness.deliver()
    answer, voice = harness.telegram.sent_to(COORDINATOR_ID)[-2:]
    spoken = said("voice-note-text", length="0:20")
    assert said("notice-answer", who="Lutpiah", number=NUMBER, note=spoken) in answer["text"]
    assert voice["voice"]["duration"] == 20


async def test_a_pdf_attached_later_from_the_case_card_is_kept_and_shown(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    await psm.tap(said("action-note"))
    added = await psm.send_document("rujukan.pdf", "application/pdf", data=PDF)
    assert said("case-document-added", count=1) in added.text
    await psm.send("Surat rujukan Puskesmas")
    card = psm.last_with_buttons()  # the card, brought up to date in place
    labels = [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    assert said("button-case-documents", count=1) in labels
    [document] = await fetch(schema, CaseAttachment, case_id=case_id)
    assert (document.kind, document.file_name, document.data) == ("document", "rujukan.pdf", PDF)

    shown = await psm.tap(said("button-case-documents", count=1), card)
    assert shown.last["document"]["file_name"] == "rujukan.pdf"
    assert "case.documents" in [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)]


async def test_a_file_too_large_or_of_another_kind_is_refused_naming_the_limit(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    await psm.tap(said("action-note"))
    big = await psm.send_document("scan.pdf", "application/pdf", data=b"x" * (MAX_BYTES + 1))
    assert said("file-too-large", max_mb=10) in big.text
    other = await psm.send_document("data.xlsx", "application/vnd.ms-excel", data=b"PK")
    assert said("file-wrong-type", max_mb=10) in other.text
    await psm.send("Sudah dikunjungi lagi.")
    assert await fetch(schema, CaseAttachment, case_id=case_id) == []


async def test_a_voice_note_telegram_no_longer_keeps_is_sent_from_the_local_copy(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    await psm.tap(said("action-note"))
    await psm.send_voice(12, b"OggS the copy")
    [voice] = await fetch(schema, CaseAttachment, case_id=case_id)
    # Telegram no longer knows the file id (as after a long time, or another bot token).
    forgot = "Bad Request: wrong file identifier/HTTP URL specified"
    harness.telegram.fail_next("sendVoice", 400, forgot, chat_id=PSM_ID)

    card = await psm.send(f"/kasus {NUMBER}")
    played = await psm.tap(said("button-case-voice", count=1), card.last)
    resent = played.last["voice"]["file_id"]
    assert resent != voice.file_id and harness.telegram.state.files[resent].data == b"OggS the copy"


async def test_another_kecamatans_coordinator_cannot_fetch_the_files_with_a_forged_button(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await add_user(schema, 2002, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    psm = harness.user(PSM_ID)
    await psm.send(f"/kasus {NUMBER}")
    await psm.tap(said("action-note"))
    await psm.send_voice(12)
    stranger = harness.user(2002)
    help_message = (await stranger.send("/bantuan")).last
    await stranger.tap_data(CaseFiles(case_id, AttachmentKind.VOICE).encode(), help_message)
    assert said("case-refused") in harness.button_answers()[-1]
    assert not any("voice" in m for m in harness.telegram.sent_to(2002))
    assert "case.voice" not in [a.action for a in await fetch(schema, AuditEntry)]


async def test_a_voice_note_sent_outside_a_conversation_answers_the_pending_question(
    harness: BotHarness, case_id: int, schema: str, clock: FixedClock
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send(f"/kasus {NUMBER}")
    await coordinator.tap(said("action-return"))
    await coordinator.send("Apakah nenek punya KTP?")
    await harness.deliver()
    psm = harness.user(PSM_ID)

    taken = await psm.send_voice(9, b"OggS tidak punya")
    assert taken.says("reply-answered", number=NUMBER), taken.text
    [voice] = await fetch(schema, CaseAttachment, case_id=case_id)
    assert (voice.duration, voice.data) == (9, b"OggS tidak punya")
    await psm.tap(said("button-undo-answer"))  # taken back: neither notice nor voice leaves
    clock.set(clock.now() + timedelta(minutes=2))
    await harness.deliver()
    await harness.deliver()
    assert not any("voice" in m for m in harness.telegram.sent_to(COORDINATOR_ID))

    await psm.send_voice(14)
    clock.set(clock.now() + timedelta(minutes=2))
    await harness.deliver()
    await harness.deliver()
    answer, voice_sent = harness.telegram.sent_to(COORDINATOR_ID)[-2:]
    spoken = said("voice-note-text", length="0:14")
    assert said("notice-answer", who="Lutpiah", number=NUMBER, note=spoken) in answer["text"]
    assert voice_sent["voice"]["duration"] == 14
