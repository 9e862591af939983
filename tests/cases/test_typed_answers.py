"""A typed label is as good as a tap: every question with buttons takes its label typed, and
read-only commands in the middle of a report answer without losing it."""

from __future__ import annotations

import pytest

from storage.cases import Case
from tests.conftest import ADMIN_ID
from tests.factories import add_user, fetch
from tests.harness import BotHarness, Chat
from tests.texts import said

PSM_ID = 1001


@pytest.fixture
async def psm(harness: BotHarness, schema: str) -> Chat:
    await add_user(schema, PSM_ID)
    return harness.user(PSM_ID)


async def test_a_psm_can_fill_a_whole_report_typing_instead_of_tapping(
    psm: Chat, schema: str
) -> None:
    await psm.send("/lapor")
    assert (
        said("report-ask-category", group=said("category-group-lansia"))
        in (await psm.send("LANSIA")).text
    )
    assert said("report-ask-name") in (await psm.send("disabilitas")).text
    await psm.send("Pak Karta")
    assert said("report-ask-no-nik-reason") in (await psm.send("gak ada")).text
    assert said("report-ask-sex") in (await psm.send("hilang")).text
    assert said("report-ask-age") in (await psm.send("L")).text
    assert said("report-ask-kecamatan") in (await psm.send("sekitar 70 tahun")).text
    assert said("report-ask-kelurahan", kecamatan="Tangerang") in (await psm.send("tangerang")).text
    assert said("report-ask-address") in (await psm.send("babakan")).text
    await psm.send("Gang Kelinci RT 01/RW 02")
    assert said("report-ask-description") in (await psm.send("lewati")).text
    await psm.send("Tidak bisa berjalan, tinggal di rumah kontrakan sendirian.")
    assert said("report-ask-photos", count=0) in (await psm.send("tinggi")).text
    review = await psm.send("lewati")
    assert review.says("report-review", sex=said("sex-L"), urgency=said("urgency-tinggi"))
    assert (await psm.send("kirim")).says("report-saved")
    [case] = await fetch(schema, Case)
    assert (case.category_code, case.kelurahan_code, case.urgency) == (9, "3671011008", "tinggi")
    assert (case.sex, case.age_years, case.no_nik_reason) == ("L", 70, "hilang")


async def test_a_typed_answer_that_fits_several_choices_is_asked_again_naming_them(
    psm: Chat,
) -> None:
    await psm.send("/lapor")
    reply = await psm.send("korban")
    assert said("report-ask-category", group=said("category-group-korban")) in reply.text
    reply = await psm.send("bencana")
    both = "Korban Bencana Alam, Korban Bencana Sosial"
    assert said("typed-choice-ambiguous", choices=both) in reply.text
    assert said("report-ask-category", group=said("category-group-korban")) in reply.text
    assert said("report-ask-name") in (await psm.send("bencana alam")).text


async def test_a_typed_no_at_the_cancel_question_keeps_the_report(psm: Chat) -> None:
    await psm.send("/lapor")
    await psm.send("anak")
    await psm.send("anak jalanan")
    await psm.send("Budi")
    assert said("report-confirm-cancel") in (await psm.send("/batal")).text
    assert said("report-ask-nik") in (await psm.send("nggak")).text
    assert said("report-confirm-cancel") in (await psm.send("/batal")).text
    assert said("report-cancelled") in (await psm.send("ya")).text


async def test_kasus_and_bantuan_in_the_middle_of_a_report_answer_then_return_to_it(
    psm: Chat, schema: str
) -> None:
    await psm.send("/lapor")
    await psm.send("anak")
    await psm.send("anak jalanan")
    reply = await psm.send("/kasus")
    assert said("cases-none") in reply.text
    assert said("report-resume") in reply.text and said("report-ask-name") in reply.text
    reply = await psm.send("/help")
    assert said("report-ask-name") in reply.text and said("wrong-command") not in reply.text
    assert said("report-ask-nik") in (await psm.send("Budi")).text


async def test_an_admin_picks_broadcast_kecamatan_by_typing_their_names(
    psm: Chat, harness: BotHarness, schema: str
) -> None:
    await add_user(schema, 1002, kelurahan="3671051001")  # a PSM of Kec. Cipondoh
    admin = harness.user(ADMIN_ID)
    await admin.send("/siaran")
    await admin.send("Rapat PSM Jumat 09.00 di aula kecamatan.")
    assert said("broadcast-ask-kecamatan") in (await admin.send("pilih")).text
    empty = await admin.send("selesai")
    assert said("broadcast-refused-empty") in empty.text, "a popup for a tap, a reply here"
    ticked = await admin.send("tangerang")
    assert said("broadcast-ask-kecamatan") in ticked.text and "✅ Tangerang" in ticked.buttons
    await admin.send("CIPONDOH")
    assert (await admin.send("selesai")).says("broadcast-confirm", count=2)
    assert (await admin.send("kirim")).says("broadcast-queued", count=2)
    harness.telegram.assert_no_rejections()
