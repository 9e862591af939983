"""Unexpected input at any step gets a specific, friendly re-prompt and loses nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from storage.cases import Case
from tests.factories import add_user, fetch
from tests.harness import BotHarness, Chat, Reply
from tests.texts import said

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
    ("location", lambda c: c.send(said("button-skip"))),
    ("description", lambda c: c.send("Tidak bisa berjalan, tinggal di rumah kontrakan sendirian.")),
    ("urgency", lambda c: c.tap("Tinggi")),
    ("photos", lambda c: c.tap(said("button-photos-none"))),
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


# The question each step asks, asked again after a wrong answer.
QUESTIONS = {
    "group": said("report-ask-category-group"),
    "category": said("report-ask-category", group=said("category-group-lansia")),
    "name": said("report-ask-name"),
    "nik": said("report-ask-nik"),
    "kecamatan": said("report-ask-kecamatan"),
    "kelurahan": said("report-ask-kelurahan", kecamatan="Tangerang"),
    "address": said("report-ask-address"),
    "location": said("report-ask-location"),
    "description": said("report-ask-description"),
    "urgency": said("report-ask-urgency"),
    "photos": said("report-ask-photos", count=0),
}

# A wrong answer at a step, and the catalog text (key and arguments) that explains it.
WRONG: list[tuple[str, Action, str, dict[str, object]]] = [
    ("group", lambda c: c.send("entahlah"), "wrong-need-button", {}),
    ("category", lambda c: c.send_sticker(), "wrong-need-button", {}),
    ("name", lambda c: c.send_sticker(), "wrong-need-text", {}),
    ("name", lambda c: c.send_photo(), "wrong-need-text", {}),
    ("name", lambda c: c.send("x" * 150), "answer-name-long", {"max": 100}),
    ("name", lambda c: c.send("12345"), "answer-name-letters", {}),
    ("nik", lambda c: c.send("12345"), "nik-invalid-length", {}),
    ("nik", lambda c: c.send("9971015203500001"), "nik-invalid-region", {}),
    ("nik", lambda c: c.send("3671013213500001"), "nik-invalid-date", {}),
    ("nik", lambda c: c.send("3671015203500000"), "nik-invalid-serial", {}),
    ("kecamatan", lambda c: c.send("di sana"), "wrong-need-button", {}),
    ("kelurahan", lambda c: c.send_photo(), "wrong-need-button", {}),
    ("address", lambda c: c.send("RT"), "answer-address-short", {"min": 5}),
    ("location", lambda c: c.send("di sini"), "wrong-need-location", {}),
    ("description", lambda c: c.send("sakit"), "answer-description-short", {"min": 10}),
    (
        "description",
        lambda c: c.send("a" * 1600),
        "answer-description-long",
        {"max": 1500, "length": 1600},
    ),
    ("description", lambda c: c.send("/start"), "wrong-command", {}),
    ("urgency", lambda c: c.send("secepatnya"), "wrong-need-button", {}),
    ("photos", lambda c: c.send("ini fotonya"), "wrong-need-photo", {}),
    (
        "photos",
        lambda c: c.send_document("laporan.docx", "application/msword"),
        "file-wrong-type",
        {"max_mb": 10},
    ),
]


@pytest.mark.parametrize(
    ("step", "wrong", "key", "args"), WRONG, ids=[f"{step}-{key}" for step, _, key, _ in WRONG]
)
async def test_wrong_input_is_explained_and_the_question_repeated(
    psm: Chat, step: str, wrong: Action, key: str, args: dict[str, object]
) -> None:
    await reach(psm, step)
    reply = await wrong(psm)
    assert len(reply.messages) == 1, "one message: what was wrong, then the same question"
    assert said(key, **args) in reply.text and QUESTIONS[step] in reply.text
    assert "Traceback" not in reply.text


async def test_answers_survive_every_kind_of_wrong_input(psm: Chat, schema: str) -> None:
    await psm.send("/lapor")
    for step, answer in STEPS:
        for wrong_step, wrong, _, _ in WRONG:
            if wrong_step == step:
                await wrong(psm)
        await answer(psm)
    await psm.tap(said("button-submit"))
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
    assert said("wrong-stale-button") in reply.text
    assert said("report-ask-category", group=said("category-group-anak")) in reply.text


@pytest.mark.parametrize("data", ["r:urg:bogus", "r:urg", "r:urg:darurat:x", "r:zzz"])
async def test_an_unknown_or_old_format_button_mid_report_is_answered_as_expired(
    psm: Chat, harness: BotHarness, data: str
) -> None:
    await reach(psm, "urgency")
    reply = await psm.tap_data(data)
    assert harness.button_answers()[-1] == said("wrong-stale-button-short")
    assert said("report-ask-urgency") in reply.text


async def test_image_sent_as_file_counts_as_a_photo(psm: Chat) -> None:
    await reach(psm, "photos")
    reply = await psm.send_document("rumah.jpg", "image/jpeg")
    assert said("report-photo-added", count=1) in reply.text
