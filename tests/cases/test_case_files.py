"""Voice notes and documents on an open case: a note by voice, an answer by voice, a PDF later."""

from __future__ import annotations

import pytest

from bot.cases.attachments import MAX_BYTES
from storage.attachments import CaseAttachment
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent
from tests.factories import add_case, add_psm_and_coordinator, fetch
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
    detail = await psm.send_voice(65, b"OggS kunjungan kedua")
    spoken = said("voice-note-text", length="1:05")
    assert (
        said("case-updated") in detail.text
        and said("event-note-suffix", note=spoken) in detail.text
    )
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
    card = await psm.send("Surat rujukan Puskesmas")
    assert said("button-case-documents", count=1) in card.buttons
    [document] = await fetch(schema, CaseAttachment, case_id=case_id)
    assert (document.kind, document.file_name, document.data) == ("document", "rujukan.pdf", PDF)

    shown = await psm.tap(said("button-case-documents", count=1))
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
