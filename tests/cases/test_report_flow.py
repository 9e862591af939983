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
from tests.texts import said, said_pattern

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
    assert psm.buttons()[0] == said("button-submit"), "sending comes before the edit buttons"
    assert len(psm.last_with_buttons()["reply_markup"]["inline_keyboard"]) <= 6, "one screen"
    assert NIK not in review and "367101••••••••01" in review
    assert "Mak Onah" in review and said("summary-age-born", age=76, born="12-03-1950") in review

    reply = await psm.tap(said("button-submit"))
    number = re.search(r"TNG-\d{4}-\d{5}", reply.text)
    assert number, reply.text
    assert said("report-saved", number=number.group()) in reply.text

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
    alert = harness.telegram.sent_to(COORDINATOR_ID)[-2]["text"]  # then the map pin
    assert said_pattern("case-new-darurat", number=number.group()).search(alert)
    assert not re.search(r"\([^()]*\(", alert), "no brackets inside brackets"
    assert NIK not in alert
    assert harness.telegram.sent_to(ADMIN_ID) == []


async def test_nik_is_encrypted_with_the_deployments_key(
    psm: Chat, schema: str, settings: Settings
) -> None:
    from bot.privacy.crypto import load_cipher

    await fill_until_review(psm)
    await psm.tap(said("button-submit"))
    [case] = await fetch(schema, Case)
    cipher = load_cipher(None, settings.data_dir)
    assert cipher.decrypt(case.nik_encrypted or "") == NIK


async def test_case_numbers_count_up_per_year(psm: Chat, schema: str) -> None:
    numbers = []
    for _ in range(2):
        await fill_until_review(psm)
        reply = await psm.tap(said("button-submit"))
        numbers.append(re.search(r"TNG-(\d{4})-(\d{5})", reply.text).groups())  # type: ignore[union-attr]
    assert [n for _, n in numbers] == ["00001", "00002"]


async def test_a_field_can_be_edited_from_the_review(psm: Chat, schema: str) -> None:
    await fill_until_review(psm)
    assert said("report-ask-name") in (await psm.tap(said("edit-name"))).text
    review = await psm.send("Onah Binti Saman")
    assert review.says("report-review", name="Onah Binti Saman")

    await psm.tap(said("edit-place"))
    await psm.tap("Cipondoh")
    review = await psm.tap("Kenanga")
    assert review.says("report-review", kelurahan="Kenanga", kecamatan="Cipondoh")

    await psm.tap(said("edit-sex"))
    review = await psm.tap(said("sex-L"))
    assert review.says("report-review", sex=said("sex-L"))
    assert said("report-nik-mismatch") in review.text

    await psm.tap(said("button-submit"))
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
    assert said("report-ask-no-nik-reason") in (await psm.tap(said("button-no-nik"))).text
    assert said("report-ask-sex") in (await psm.send("Orang tuanya tidak mengurus")).text
    assert said("report-ask-age") in (await psm.tap(said("sex-L"))).text
    assert said("report-ask-kecamatan") in (await psm.send("12")).text
    await psm.tap("Cipondoh")
    await psm.tap("Kenanga")
    await psm.send("Perempatan lampu merah Cipondoh")
    await psm.send(said("button-skip"))
    await psm.send("Anak mengamen setiap hari sampai malam, tidak sekolah.")
    await psm.tap("Sedang")
    review = await psm.tap(said("button-photos-none"))
    assert review.says(
        "report-review",
        nik=said("summary-no-nik", reason="Orang tuanya tidak mengurus"),
        age=said("summary-age", age=12),
    )
    await psm.tap(said("button-submit"))
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
    assert said("report-confirm-cancel") in reply.text
    assert said("report-ask-name") in (await psm.tap(said("button-cancel-no"))).text
    await psm.send("/batal")
    assert said("report-cancelled") in (await psm.tap(said("button-cancel-yes"))).text
    assert await fetch(schema, Case) == []
    assert said("cancel-nothing") in (await psm.send("/batal")).text


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
    assert reply.says("report-nik-ok", sex=said("sex-P"), born="12-03-1950")
    assert said("report-ask-kecamatan") in reply.text
    await psm.tap(said("button-my-kelurahan", kelurahan="Sukarasa"))
    await psm.send("Jl. Merdeka No. 5 RT 02/03")
    await psm.send(said("button-skip"))
    await psm.send("Nenek tinggal sendiri dan butuh bantuan makan.")
    await psm.tap("Rendah")
    review = await psm.tap(said("button-photos-none"))
    assert review.says("report-review", name="Mak Onah", category="Lanjut Usia Telantar")


async def test_repeated_lapor_resumes_the_report_in_progress(psm: Chat) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Telantar")
    reply = await psm.send("/lapor")
    assert said("report-resume") in reply.text and said("report-ask-name") in reply.text


async def test_typed_text_with_html_characters_is_shown_as_typed(psm: Chat) -> None:
    await psm.send("/lapor")
    await psm.tap("Anak")
    await psm.tap("Anak Jalanan")
    await psm.send("Dodi <Udin> & co")
    await psm.tap(said("button-no-nik"))
    await psm.send("KK & KTP <hilang>")
    await psm.tap(said("sex-L"))
    await psm.send("12")
    await psm.tap("Cipondoh")
    await psm.tap("Kenanga")
    await psm.send("Perempatan <lampu> merah")
    await psm.send(said("button-skip"))
    await psm.send("Anak mengamen setiap hari sampai malam & tidak sekolah.")
    await psm.tap("Sedang")
    review = await psm.tap(said("button-photos-none"))
    assert said("summary-no-nik", reason="KK & KTP <hilang>") in review.text
    assert "Dodi <Udin> & co" in review.text and "&amp;" not in review.text
