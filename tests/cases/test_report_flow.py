"""A PSM reports a case from /lapor to its number: every field, edits, cancel, restart."""

from __future__ import annotations

import re

import pytest

from bot.runtime.settings import Settings
from storage.audit import AuditEntry
from storage.cases import Case
from storage.conversations import ConversationDraft
from storage.delivery import Lane, OutboxMessage
from storage.people import Role
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, SUKARASA, TANGERANG, add_user, fetch
from tests.harness import BotHarness, Chat
from tests.reporting import NIK, fill_until_review

PSM_ID = 1001
COORDINATOR_ID = 2001


@pytest.fixture
async def psm(harness: BotHarness, schema: str) -> Chat:
    await add_user(schema, PSM_ID, name="Lutpiah")
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    return harness.user(PSM_ID)


async def test_complete_report_is_saved_with_every_field(
    psm: Chat, schema: str, harness: BotHarness
) -> None:
    await fill_until_review(psm)
    review = psm.history()[-1]["text"]
    assert NIK not in review and "367101••••••••01" in review
    assert "Mak Onah" in review and "76 tahun" in review

    reply = await psm.tap("Kirim laporan")
    number = re.search(r"TNG-\d{4}-\d{5}", reply.text)
    assert number, reply.text

    [case] = await fetch(schema, Case, number=number.group())
    assert (case.category_code, case.beneficiary_name, case.sex) == (8, "Mak Onah", "P")
    assert case.birth_date is not None and case.birth_date.isoformat() == "1950-03-12"
    assert NIK not in (case.nik_encrypted or "") and case.nik_masked == "367101••••••••01"
    assert (case.kecamatan_code, case.kelurahan_code) == (TANGERANG, SUKARASA)
    assert case.address.startswith("Jl. Merdeka") and case.latitude == pytest.approx(-6.1702)
    assert case.urgency == "darurat" and case.status == "baru" and len(case.photos) == 2
    assert [e.kind for e in case.events] == ["created"]
    assert [a.action for a in await fetch(schema, AuditEntry, case_id=case.id)] == ["case.create"]
    [queued] = await fetch(schema, OutboxMessage, kind="case_alert")
    assert queued.campaign_id == case.id and queued.priority == Lane.URGENT

    await harness.deliver()
    alert = harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]
    assert "DARURAT" in alert and number.group() in alert and NIK not in alert
    assert harness.telegram.sent_to(ADMIN_ID) == []


async def test_nik_is_encrypted_with_the_deployments_key(
    psm: Chat, schema: str, settings: Settings
) -> None:
    from bot.privacy.crypto import load_cipher

    await fill_until_review(psm)
    await psm.tap("Kirim laporan")
    [case] = await fetch(schema, Case)
    cipher = load_cipher(None, settings.data_dir)
    assert cipher.decrypt(case.nik_encrypted or "") == NIK


async def test_case_numbers_count_up_per_year(psm: Chat, schema: str) -> None:
    numbers = []
    for _ in range(2):
        await fill_until_review(psm)
        reply = await psm.tap("Kirim laporan")
        numbers.append(re.search(r"TNG-(\d{4})-(\d{5})", reply.text).groups())  # type: ignore[union-attr]
    assert [n for _, n in numbers] == ["00001", "00002"]


async def test_a_field_can_be_edited_from_the_review(psm: Chat, schema: str) -> None:
    await fill_until_review(psm)
    assert "nama" in (await psm.tap("✏️ Nama")).text
    review = await psm.send("Onah Binti Saman")
    assert "Periksa laporan" in review.text and "Onah Binti Saman" in review.text

    await psm.tap("✏️ Kelurahan")
    await psm.tap("Cipondoh")
    review = await psm.tap("Kenanga")
    assert "Kenanga, Kec. Cipondoh" in review.text

    await psm.tap("✏️ Jenis kelamin")
    review = await psm.tap("Laki-laki")
    assert "tidak sesuai dengan NIK" in review.text

    await psm.tap("Kirim laporan")
    [case] = await fetch(schema, Case)
    assert (case.beneficiary_name, case.kecamatan_code, case.sex) == (
        "Onah Binti Saman",
        CIPONDOH,
        "L",
    )


async def test_report_without_nik_asks_reason_sex_and_age(psm: Chat, schema: str) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Jalanan")
    await psm.send("Dodi")
    assert "Mengapa" in (await psm.tap("Tidak ada NIK")).text
    assert "Jenis kelamin" in (await psm.send("Orang tuanya tidak mengurus")).text
    assert "umur" in (await psm.tap("Laki-laki")).text
    assert "kecamatan" in (await psm.send("12")).text
    await psm.tap("Cipondoh")
    await psm.tap("Kenanga")
    await psm.send("Perempatan lampu merah Cipondoh")
    await psm.send("Lewati")
    await psm.send("Anak mengamen setiap hari sampai malam, tidak sekolah.")
    await psm.tap("Sedang")
    review = await psm.tap("Lewati, tanpa foto")
    assert "tidak ada (Orang tuanya tidak mengurus)" in review.text and "12 tahun" in review.text
    await psm.tap("Kirim laporan")
    [case] = await fetch(schema, Case)
    assert (case.nik_encrypted, case.no_nik_reason, case.age_years, case.latitude) == (
        None,
        "Orang tuanya tidak mengurus",
        12,
        None,
    )


async def test_cancel_asks_first_then_forgets_the_draft(psm: Chat, schema: str) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Telantar")
    reply = await psm.send("/batal")
    assert "Yakin" in reply.text
    assert "nama" in (await psm.tap("Tidak, lanjutkan")).text
    await psm.send("/batal")
    assert "dibatalkan" in (await psm.tap("Ya, batalkan")).text
    assert await fetch(schema, Case) == []
    assert "Tidak ada yang sedang diisi" in (await psm.send("/batal")).text


async def test_draft_survives_restart_at_the_same_step(
    psm: Chat, harness: BotHarness, schema: str
) -> None:
    await psm.send("/lapor")
    await psm.tap("Lansia")
    await psm.tap("Lanjut Usia Telantar")
    await psm.send("Mak Onah")
    await harness.restart()
    [row] = await fetch(schema, ConversationDraft, conversation="report")
    assert row.data["name"] == "Mak Onah"

    reply = await psm.send(NIK)
    assert "NIK" in reply.text and "kecamatan" in reply.text
    await psm.tap("Kelurahan saya")
    await psm.send("Jl. Merdeka No. 5 RT 02/03")
    await psm.send("Lewati")
    await psm.send("Nenek tinggal sendiri dan butuh bantuan makan.")
    await psm.tap("Rendah")
    review = await psm.tap("Lewati, tanpa foto")
    assert "Mak Onah" in review.text and "Lanjut Usia Telantar" in review.text


async def test_repeated_lapor_resumes_the_report_in_progress(psm: Chat) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Telantar")
    reply = await psm.send("/lapor")
    assert "lanjutkan" in reply.text and "nama" in reply.text


async def test_typed_text_with_html_characters_is_shown_as_typed(psm: Chat) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Jalanan")
    await psm.send("Dodi <Udin> & co")
    await psm.tap("Tidak ada NIK")
    await psm.send("KK & KTP <hilang>")
    await psm.tap("Laki-laki")
    await psm.send("12")
    await psm.tap("Cipondoh")
    await psm.tap("Kenanga")
    await psm.send("Perempatan <lampu> merah")
    await psm.send("Lewati")
    await psm.send("Anak mengamen setiap hari sampai malam & tidak sekolah.")
    await psm.tap("Sedang")
    review = await psm.tap("Lewati, tanpa foto")
    assert "tidak ada (KK & KTP <hilang>)" in review.text
    assert "Dodi <Udin> & co" in review.text and "&amp;" not in review.text
