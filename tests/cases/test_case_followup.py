"""Cases move: PSM follow their own, coordinators verify, return, refer, close and reopen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.people import User
from tests.factories import (
    START,
    SUKARASA,
    TANGERANG,
    add_case,
    add_psm_and_coordinator,
    add_rows,
    fetch,
)
from tests.harness import BotHarness
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID = 1001, 2001
NUMBER = "TNG-2026-00001"
DINKES = "Dinkes / Puskesmas / RSUD"
# Beyond the 100 a list counts (bot/cases/queries.py: COUNT_CAP).
QUEUE_OF_CASES = 105


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
    assert said("cases-list", total=1, page=1, pages=1) in listing.text
    assert listing.buttons[0].startswith("🟡 TNG-2026-00001")
    detail = await chat.tap("TNG-2026-00001")
    assert "Mak Onah" in detail.text and detail.says("event-created", who="Lutpiah")
    assert "367101••••••••01" in detail.text
    assert detail.says("case-detail", number=NUMBER, name="Mak Onah", reporter="Lutpiah")
    assert [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)] == ["case.view"]


async def test_psm_adds_a_note_with_a_photo_and_the_coordinator_hears(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/kasus TNG-2026-00001")
    assert said("case-ask-note") in (await chat.tap(said("action-note"))).text
    assert said("case-photo-added", count=1) in (await chat.send_photo()).text
    note = "Sudah dikunjungi, butuh kursi roda."
    card = chat.last_with_buttons()
    confirmed = await chat.send(note)
    assert [m["text"] for m in confirmed.messages] == [said("case-updated")], "one line, no card"
    assert chat.last_with_buttons()["message_id"] == card["message_id"], "the card is edited"
    detail = chat.last_with_buttons()["text"]
    assert said_pattern("event-note", who="Lutpiah").search(detail)
    assert said("event-note-suffix", note=note) in detail
    await harness.deliver()
    notice = said("notice-note", who="Lutpiah", number=NUMBER, note=note)
    assert notice in harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]
    assert len(await fetch(schema, CasePhoto, case_id=case_id)) == 1
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    album = await coordinator.tap(said("button-case-photos", count=1))
    assert album.last["photo"] and album.last["caption"] == said(
        "case-photo-caption", number=NUMBER, note=note
    )
    assert "case.photos" in [a.action for a in await fetch(schema, AuditEntry, case_id=case_id)]


async def test_a_psm_photo_caption_is_kept_when_the_coordinator_views_the_photo(
    harness: BotHarness, case_id: int
) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/kasus TNG-2026-00001")
    await chat.tap(said("action-note"))
    await chat.send_photo("Atap rumahnya bocor & lantainya tanah")
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    album = await coordinator.tap(said("button-case-photos", count=1))
    caption = said(
        "case-photo-caption", number=NUMBER, note="Atap rumahnya bocor & lantainya tanah"
    )
    assert album.last["caption"] == caption
    harness.telegram.assert_no_rejections()


async def test_coordinator_verifies_refers_records_outcomes_and_closes(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-verify"))
    assert await status_of(schema, case_id) == "diverifikasi"
    await harness.deliver()
    verified = said("notice-verify", number=NUMBER, who="Pak Budi")
    assert verified in harness.telegram.sent_to(PSM_ID)[-1]["text"]

    await coordinator.tap(said("action-refer"))
    await coordinator.tap("Dinkes")
    await coordinator.tap("Disdukcapil")
    assert said("case-ask-refer") in (await coordinator.tap(said("button-sectors-done"))).text
    await coordinator.send("Mohon pemeriksaan kesehatan dan pembuatan KTP.")
    detail = coordinator.last_with_buttons()["text"]
    assert said("referral-line", sector=DINKES, outcome=said("outcome-pending")) in detail
    await harness.deliver()
    notice = harness.telegram.sent_to(PSM_ID)[-1]["text"]
    note = f"{DINKES}, Disdukcapil · Mohon pemeriksaan kesehatan dan pembuatan KTP."
    assert said("notice-refer", number=NUMBER, who="Pak Budi", note=note) in notice
    assert await status_of(schema, case_id) == "dirujuk"

    await coordinator.tap(said("action-outcome", sector=DINKES))
    assert said("outcome-ask", sector=DINKES) in harness.button_answers()[-1]
    assert (await coordinator.tap(said("outcome-done"))).messages == [], "the card is edited"
    detail = coordinator.last_with_buttons()["text"]
    assert said("referral-line", sector=DINKES, outcome=said("outcome-done")) in detail
    assert "dinkes: done" not in detail, "the timeline names sectors and outcomes"
    referrals = {r.sector: r for r in await fetch(schema, Referral, case_id=case_id)}
    assert referrals["dinkes"].outcome == "done" and referrals["dukcapil"].outcome is None
    assert referrals["dinkes"].next_nudge_at is None

    asked = await coordinator.tap(said("action-close"))
    assert said("case-close-pending", count=1, sectors="Disdukcapil") in asked.text
    assert said("case-ask-close") in (await coordinator.tap(said("button-close-anyway"))).text
    await coordinator.send("Sudah mendapat layanan dan KTP.")
    assert await status_of(schema, case_id) == "selesai"
    [case] = await fetch(schema, Case, id=case_id)
    assert case.next_nudge_at is None
    await coordinator.tap(said("action-reopen"))
    assert await status_of(schema, case_id) == "dibuka_kembali"
    kinds = [e.kind for e in await fetch(schema, CaseEvent, case_id=case_id)]
    assert kinds == ["created", "verify", "refer", "outcome", "close", "reopen"]


async def test_returned_case_is_answered_by_the_psm(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-return"))
    await coordinator.send("Apakah nenek punya KTP?")
    assert await status_of(schema, case_id) == "dikembalikan"
    psm = harness.user(PSM_ID)
    await harness.deliver()
    question = harness.telegram.sent_to(PSM_ID)[-1]
    asked = "Apakah nenek punya KTP?"
    assert said("notice-return", who="Pak Budi", number=NUMBER, note=asked) in question["text"]
    await psm.tap(said("action-answer"), question)
    await psm.send("Tidak punya, KTP hilang waktu banjir.")
    assert await status_of(schema, case_id) == "baru"
    await harness.deliver()
    answer = said(
        "notice-answer", who="Lutpiah", number=NUMBER, note="Tidak punya, KTP hilang waktu banjir."
    )
    assert answer in harness.telegram.sent_to(COORDINATOR_ID)[-1]["text"]


async def test_coordinator_filters_their_kecamatan_cases(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    await add_case(schema, PSM_ID, number="TNG-2026-00002", urgency="darurat")
    await add_case(schema, PSM_ID, number="TNG-2026-00003", kelurahan="3671051001")
    coordinator = harness.user(COORDINATOR_ID)
    listing = await coordinator.send("/kasus")
    assert said("cases-list", total=2, page=1, pages=1) in listing.text, "Cipondoh's is not theirs"
    await coordinator.tap(said("filter-urgency-all"))
    labels = coordinator.buttons()
    assert any("TNG-2026-00002" in label for label in labels)
    assert not any("TNG-2026-00001" in label for label in labels), "Sedang is filtered out"


async def test_a_long_list_says_more_than_a_hundred_and_pages_on_newest_first(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    [reporter] = await fetch(schema, User, telegram_id=PSM_ID)
    start = datetime(2026, 12, 2, tzinfo=UTC)  # after the first case

    def case(n: int) -> Case:
        return Case(
            created_at=START, updated_at=START,
            number=f"TNG-2026-{n:05d}", draft_id=f"d-{n}", reporter_id=reporter.id,
            category_code=8, beneficiary_name="Mak Onah", sex="P", age_years=76,
            kecamatan_code=TANGERANG, kelurahan_code=SUKARASA, address="Jl. Merdeka 5",
            description="Nenek tinggal sendiri.", urgency="sedang", status="baru",
            last_activity_at=start + timedelta(hours=n),
        )  # fmt: skip

    await add_rows(schema, *(case(n) for n in range(2, 2 + QUEUE_OF_CASES)))
    coordinator = harness.user(COORDINATOR_ID)
    listing = await coordinator.send("/kasus")
    assert listing.says("cases-list-many", cap=100, page=1)
    newest = f"TNG-2026-{1 + QUEUE_OF_CASES:05d}"
    assert listing.buttons[0].startswith(f"🟡 {newest}") and "▶️" in listing.buttons
    await coordinator.tap("▶️")  # the list is edited in place
    assert said("cases-list-many", cap=100, page=2) in coordinator.last_with_buttons()["text"]
    following = coordinator.buttons()
    assert following[0].startswith(f"🟡 TNG-2026-{QUEUE_OF_CASES - 4:05d}")
    assert following[5:7] == ["◀️", "▶️"]


async def test_closing_with_referrals_still_waiting_names_them_and_asks_first(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    coordinator = harness.user(COORDINATOR_ID)
    await coordinator.send("/kasus TNG-2026-00001")
    await coordinator.tap(said("action-verify"))
    await coordinator.tap(said("action-refer"))
    await coordinator.tap("Dinkes")
    await coordinator.tap("Disdukcapil")
    await coordinator.tap(said("button-sectors-done"))
    await coordinator.send("Mohon pemeriksaan kesehatan dan pembuatan KTP.")
    asked = await coordinator.tap(said("action-close"))
    assert said("case-close-pending", count=2, sectors=f"{DINKES}, Disdukcapil") in asked.text
    kept = await coordinator.tap(said("button-close-wait"))
    assert said("case-input-cancelled") in kept.text
    assert await status_of(schema, case_id) == "dirujuk"
    assert said("action-close") in coordinator.buttons(), "the card is there to close it later"


async def test_the_card_shows_the_last_events_and_the_full_history_is_a_tap_away(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    psm = harness.user(PSM_ID)
    await psm.send("/kasus TNG-2026-00001")
    for n in range(1, 7):
        await psm.tap(said("action-note"))
        await psm.send(f"Kunjungan ke-{n}, kondisi stabil.")
    card = psm.last_with_buttons()["text"]
    assert said("event-note-suffix", note="Kunjungan ke-6, kondisi stabil.") in card
    assert "Kunjungan ke-1," not in card and not said_pattern("event-created").search(card)
    history = await psm.tap(said("button-case-history"))
    assert history.says("case-history", number=NUMBER)
    assert said_pattern("event-created", who="Lutpiah").search(history.text)
    assert "Kunjungan ke-1," in history.text and "Kunjungan ke-6," in history.text
