"""Cases move: PSM follow their own, coordinators verify, return, refer, close and reopen."""

from __future__ import annotations

import pytest

from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from tests.factories import add_case, add_psm_and_coordinator, fetch
from tests.harness import BotHarness

PSM_ID, COORDINATOR_ID = 1001, 2001


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_psm_and_coordinator(schema, PSM_ID, COORDINATOR_ID)
    return await add_case(schema, PSM_ID)


async def status_of(schema: str, case_id: int) -> str:
    [case] = await fetch(schema, Case, id=case_id)
    return str(case.status)


async def test_psm_sees_own_open_cases_and_their_timeline(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await add_case(schema, PSM_ID, number="TNG-2026-00002", status="selesai")
    chat = harness.user(PSM_ID)
    listing = await chat.send("/kasus")
    assert "1 kasus" in listing.text and listing.buttons[0].startswith("🟡 TNG-2026-00001")
    detail = await chat.tap("TNG-2026-00001")
    assert "Mak Onah" in detail.text and "Lutpiah melaporkan" in detail.text
    assert "367101••••••••01" in detail.text
    assert [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)] == ["case.view"]


async def test_psm_adds_a_note_with_a_photo_and_the_coordinator_hears(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/kasus TNG-2026-00001")
    assert "catatan" in (await chat.tap("Tambah catatan")).text
    assert "Foto ke-1" in (await chat.send_photo()).text
    detail = await chat.send("Sudah dikunjungi, butuh kursi roda.")
    assert "Tersimpan" in detail.text and "kursi roda" in detail.text
    await harness.deliver()
    assert "kursi roda" in harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]
    assert len(await fetch(schema, CasePhoto, case_id=case_id)) == 1
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    album = await coordinator.tap("Lihat foto (1)")
    assert album.last["photo"] and album.last["caption"] == "TNG-2026-00001"
    assert "case.photos" in [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)]


async def test_coordinator_verifies_refers_records_outcomes_and_closes(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap("Verifikasi")
    assert await status_of(schema, case_id) == "diverifikasi"
    await harness.deliver()
    assert "diverifikasi oleh Pak Budi" in harness.telegram.sent_to(PSM_ID)[-1]["text"]

    await coordinator.tap("Rujuk")
    await coordinator.tap("Dinkes")
    await coordinator.tap("Disdukcapil")
    assert "catatan" in (await coordinator.tap("Lanjut")).text
    detail = await coordinator.send("Mohon pemeriksaan kesehatan dan pembuatan KTP.")
    assert "Dinkes / Puskesmas / RSUD: menunggu hasil" in detail.text
    await harness.deliver()
    notice = harness.telegram.sent_to(PSM_ID)[-1]["text"]
    assert "Dinkes / Puskesmas / RSUD, Disdukcapil" in notice and "KTP" in notice
    assert await status_of(schema, case_id) == "dirujuk"

    await coordinator.tap("Hasil rujukan: Dinkes")
    detail = await coordinator.tap("selesai ditangani")
    assert "Dinkes / Puskesmas / RSUD: selesai ditangani" in detail.text
    assert "dinkes: done" not in detail.text, "the timeline names sectors and outcomes"
    referrals = {r.sector: r for r in await fetch(schema, Referral, case_id=case_id)}
    assert referrals["dinkes"].outcome == "done" and referrals["dukcapil"].outcome is None
    assert referrals["dinkes"].next_nudge_at is None

    await coordinator.tap("Tutup kasus")
    await coordinator.send("Sudah mendapat layanan dan KTP.")
    assert await status_of(schema, case_id) == "selesai"
    [case] = await fetch(schema, Case, id=case_id)
    assert case.next_nudge_at is None
    await coordinator.tap("Buka kembali")
    assert await status_of(schema, case_id) == "dibuka_kembali"
    kinds = [e.kind for e in await fetch(schema, CaseEvent, case_id=case_id)]
    assert kinds == ["created", "verify", "refer", "outcome", "close", "reopen"]


async def test_returned_case_is_answered_by_the_psm(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap("Kembalikan")
    await coordinator.send("Apakah nenek punya KTP?")
    assert await status_of(schema, case_id) == "dikembalikan"
    psm = harness.user(PSM_ID)
    await harness.deliver()
    question = harness.telegram.sent_to(PSM_ID)[-1]
    assert "punya KTP" in question["text"]
    await psm.tap("Jawab", question)
    await psm.send("Tidak punya, KTP hilang waktu banjir.")
    assert await status_of(schema, case_id) == "baru"
    await harness.deliver()
    assert "banjir" in harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]


async def test_coordinator_filters_their_kecamatan_cases(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await add_case(schema, PSM_ID, number="TNG-2026-00002", urgency="darurat")
    await add_case(schema, PSM_ID, number="TNG-2026-00003", kelurahan="3671051001")
    coordinator = harness.user(COORDINATOR_ID)
    listing = await coordinator.send("/kasus")
    assert "2 kasus" in listing.text, "the Cipondoh case is not theirs"
    await coordinator.tap("Urgensi: semua")
    labels = coordinator.buttons()
    assert any("TNG-2026-00002" in label for label in labels)
    assert not any("TNG-2026-00001" in label for label in labels), "Sedang is filtered out"
