"""Control characters typed into answers are dropped: PostgreSQL refuses NUL in text, and a
report holding one could never be saved."""

from __future__ import annotations

from storage.cases import Case
from tests.conftest import ADMIN_ID
from tests.factories import add_user, fetch
from tests.harness import BotHarness
from tests.reporting import NIK
from tests.texts import said, said_pattern

PSM_ID = 1001


async def test_a_report_typed_with_control_characters_is_saved_without_them(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    await chat.send("/lapor")
    await chat.tap("Lansia")
    await chat.tap("Lanjut Usia Telantar")
    await chat.send("Mak\x00 Onah\x07")
    await chat.send(NIK)
    await chat.tap(said("button-my-kelurahan", kelurahan="Sukarasa"))
    await chat.send("Jl. Merdeka\x00 No. 5\r\nRT 02")
    await chat.share_location(-6.17, 106.64)
    await chat.send("Nenek tinggal sendiri,\x1b sakit.\nButuh makan.")
    await chat.tap("Tinggi")
    await chat.tap(said("button-photos-none"))
    saved = (await chat.tap(said("button-submit"))).text
    assert said("report-saved", number="TNG-2026-00001") in saved

    [case] = await fetch(schema, Case)
    assert case.beneficiary_name == "Mak Onah"
    assert case.address == "Jl. Merdeka No. 5\nRT 02"
    assert case.description == "Nenek tinggal sendiri, sakit.\nButuh makan."
    error_report = said_pattern("error-admin")
    assert not any(error_report.search(m["text"]) for m in harness.telegram.sent_to(ADMIN_ID))


async def test_numbers_and_codes_with_control_characters_are_simply_unknown(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    assert said("case-refused") in (await chat.send("/kasus TNG-2026\x00-00001")).text
    assert (await chat.send("/hadir AB\x00CDE")).text == said("checkin-refused-unknown")
    assert harness.telegram.sent_to(ADMIN_ID) == []
