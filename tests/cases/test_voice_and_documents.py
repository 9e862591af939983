"""Voice notes and documents: told by voice in /lapor, attached as PDF, sent on to coordinators."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.runtime.clock import FixedClock
from storage.attachments import CaseAttachment
from storage.cases import Case
from storage.delivery import Lane, OutboxMessage
from storage.people import Role
from tests.factories import TANGERANG, add_user, fetch
from tests.harness import BotHarness, Chat
from tests.reporting import VOICE_DATA, fill_until_review
from tests.texts import said, said_pattern

PSM_ID = 1001
COORDINATOR_ID = 2001


@pytest.fixture
async def psm(harness: BotHarness, schema: str) -> Chat:
    await add_user(schema, PSM_ID, name="Lutpiah")
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    return harness.user(PSM_ID)


async def test_a_report_told_by_voice_keeps_the_voice_note_and_says_so_in_its_text(
    psm: Chat, schema: str
) -> None:
    await fill_until_review(psm, voice=42)
    await psm.tap(said("button-submit"))

    [case] = await fetch(schema, Case)
    assert case.description == said("voice-note-text", length="0:42")
    [voice] = await fetch(schema, CaseAttachment, case_id=case.id)
    assert (voice.kind, voice.duration, voice.mime_type) == ("voice", 42, "audio/ogg")
    assert voice.data == VOICE_DATA and voice.size == len(VOICE_DATA)
    assert voice.file_id and voice.file_unique_id


async def test_the_coordinator_gets_the_alert_then_the_voice_even_after_a_server_error(
    psm: Chat, schema: str, harness: BotHarness, clock: FixedClock
) -> None:
    await fill_until_review(psm, voice=42)
    await psm.tap(said("button-submit"))
    [case] = await fetch(schema, Case)
    rows = await fetch(schema, OutboxMessage)
    assert {(r.kind, r.priority) for r in rows} == {
        ("case_alert", Lane.URGENT),
        ("case_alert_place", Lane.URGENT),
        ("case_file", Lane.URGENT),
    }

    harness.telegram.fail_next("sendMessage", 500, "Internal Server Error", chat_id=COORDINATOR_ID)
    await harness.deliver()
    sent = harness.telegram.sent_to(COORDINATOR_ID)
    assert not any("voice" in m for m in sent), "the voice waits for its alert"
    harness.telegram.fail_next("sendVoice", 500, "Internal Server Error", chat_id=COORDINATOR_ID)
    started = clock.now()
    while not any("voice" in m for m in harness.telegram.sent_to(COORDINATOR_ID)):
        clock.set(clock.now() + timedelta(seconds=1))
        await harness.deliver()
        assert clock.now() - started < timedelta(seconds=30), "personal retries are quick"

    # The alert, the map pin of the GPS the PSM shared, the voice: in that order.
    alert, pin, voice = harness.telegram.sent_to(COORDINATOR_ID)
    assert pin["location"]["latitude"] == pytest.approx(-6.1702)
    assert said_pattern("case-new-darurat", number=case.number).search(alert["text"])
    assert said("voice-note-text", length="0:42") in alert["text"]
    assert said("case-alert-files", files=said("case-alert-voice", count=1)) in alert["text"]
    assert voice["voice"]["duration"] == 42
    assert voice["caption"] == said("voice-note-caption", number=case.number)
    assert {r.status for r in await fetch(schema, OutboxMessage)} == {"sent"}


async def test_a_pdf_at_the_photo_step_is_kept_and_follows_the_alert(
    psm: Chat, schema: str, harness: BotHarness
) -> None:
    await fill_until_review(psm)
    await psm.tap(said("edit-photos"))
    added = await psm.send_document("surat-rt.pdf", "application/pdf", data=b"%PDF-1.4 RT 02")
    assert said("report-document-added", count=1) in added.text
    review = await psm.tap(said("button-photos-done"))
    shown = "2 · " + said("case-alert-documents", count=1)
    assert review.says("report-review", photos=shown, name="Mak Onah")
    await psm.tap(said("button-submit"))

    [case] = await fetch(schema, Case)
    [document] = await fetch(schema, CaseAttachment, case_id=case.id)
    assert (document.kind, document.mime_type) == ("document", "application/pdf")
    assert document.data == b"%PDF-1.4 RT 02" and document.file_name == "surat-rt.pdf"
    await harness.deliver()
    await harness.deliver()
    alert, *_, sent = harness.telegram.sent_to(COORDINATOR_ID)
    assert said("case-alert-files", files=said("case-alert-documents", count=1)) in alert["text"]
    assert sent["document"]["file_name"] == "surat-rt.pdf"
    assert sent["caption"] == said("document-caption", number=case.number)
