"""Unexpected input at any step gets a specific, friendly re-prompt and loses nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from storage.cases import Case
from tests.factories import add_user, fetch
from tests.harness import BotHarness, Chat, Reply

PSM_ID = 1001
NIK = "3671015203500001"
Action = Callable[[Chat], Awaitable[Reply]]

# The answers of a whole report, in order; each step's name is the question it answers.
STEPS: list[tuple[str, Action]] = [
    ("group", lambda c: c.tap("Lansia")),
    ("category", lambda c: c.tap("Penyandang Disabilitas")),
    ("name", lambda c: c.send("Pak Karta")),
    ("nik", lambda c: c.send(NIK)),
    ("kecamatan", lambda c: c.tap("Tangerang")),
    ("kelurahan", lambda c: c.tap("Babakan")),
    ("address", lambda c: c.send("Gang Kelinci RT 01/RW 02")),
    ("location", lambda c: c.send("Lewati")),
    ("description", lambda c: c.send("Tidak bisa berjalan, tinggal di rumah kontrakan sendirian.")),
    ("urgency", lambda c: c.tap("Tinggi")),
    ("photos", lambda c: c.tap("Lewati, tanpa foto")),
]


async def reach(chat: Chat, step: str) -> None:
    await chat.send("/lapor")
    for name, answer in STEPS:
        if name == step:
            return
        await answer(chat)


@pytest.fixture
async def psm(harness: BotHarness, schema: str) -> Chat:
    await add_user(schema, PSM_ID)
    return harness.user(PSM_ID)


WRONG: list[tuple[str, Action, str, str]] = [
    ("group", lambda c: c.send("anak"), "menekan salah satu tombol", "kelompok"),
    ("category", lambda c: c.send_sticker(), "menekan salah satu tombol", "kategori"),
    ("name", lambda c: c.send_sticker(), "mengetik teks", "nama"),
    ("name", lambda c: c.send_photo(), "mengetik teks", "nama"),
    ("name", lambda c: c.send("x" * 150), "terlalu panjang", "nama"),
    ("name", lambda c: c.send("12345"), "berisi huruf", "nama"),
    ("nik", lambda c: c.send("12345"), "16 angka", "NIK"),
    ("nik", lambda c: c.send("9971015203500001"), "Kode wilayah", "NIK"),
    ("nik", lambda c: c.send("3671013213500001"), "Tanggal lahir dalam NIK", "NIK"),
    ("nik", lambda c: c.send("3671015203500000"), "0000", "NIK"),
    ("kecamatan", lambda c: c.send("Tangerang"), "menekan salah satu tombol", "kecamatan"),
    ("kelurahan", lambda c: c.send_photo(), "menekan salah satu tombol", "Kelurahan"),
    ("address", lambda c: c.send("RT"), "terlalu pendek", "alamat"),
    ("location", lambda c: c.send("di sini"), "tombol 📍", "lokasi"),
    ("description", lambda c: c.send("sakit"), "terlalu singkat", "Ceritakan"),
    ("description", lambda c: c.send("a" * 1600), "terlalu panjang", "Ceritakan"),
    ("description", lambda c: c.send("/start"), "tidak bisa dipakai", "Ceritakan"),
    ("urgency", lambda c: c.send("darurat"), "menekan salah satu tombol", "mendesak"),
    ("photos", lambda c: c.send("ini fotonya"), "menunggu foto", "Kirim foto"),
    (
        "photos",
        lambda c: c.send_document("laporan.pdf", "application/pdf"),
        "bukan gambar",
        "Kirim foto",
    ),
]


@pytest.mark.parametrize(("step", "wrong", "explanation", "question"), WRONG)
async def test_wrong_input_is_explained_and_the_question_repeated(
    psm: Chat, step: str, wrong: Action, explanation: str, question: str
) -> None:
    await reach(psm, step)
    reply = await wrong(psm)
    assert len(reply.messages) == 1, "one message: what was wrong, then the same question"
    assert explanation in reply.text and question in reply.text
    assert "Traceback" not in reply.text


async def test_answers_survive_every_kind_of_wrong_input(psm: Chat, schema: str) -> None:
    await psm.send("/lapor")
    for step, answer in STEPS:
        for wrong_step, wrong, _, _ in WRONG:
            if wrong_step == step:
                await wrong(psm)
        await answer(psm)
    await psm.tap("Kirim laporan")
    [case] = await fetch(schema, Case)
    assert (case.beneficiary_name, case.category_code, case.kelurahan_code) == (
        "Pak Karta",
        9,
        "3671011008",
    )
    assert case.urgency == "tinggi" and case.nik_masked == "367101••••••••01"


async def test_stale_button_from_an_earlier_question_is_refused(psm: Chat) -> None:
    await psm.send("/lapor")
    groups = psm.last_with_buttons()
    await psm.tap("Anak")
    reply = await psm.tap_data("r:grp:korban", groups)
    assert "sudah tidak berlaku" in reply.text and "kategori" in reply.text.lower()


async def test_image_sent_as_file_counts_as_a_photo(psm: Chat) -> None:
    await reach(psm, "photos")
    reply = await psm.send_document("rumah.jpg", "image/jpeg")
    assert "Foto ke-1" in reply.text
