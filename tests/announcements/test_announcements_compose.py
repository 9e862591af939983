"""A coordinator composes an announcement step by step, previews it, and confirms or drops it."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.delivery import Audience, AudienceRefused, resolve_audience
from storage.announcements import Announcement, AnnouncementReminder
from storage.people import User
from tests.announcing import (
    BODY,
    COORDINATOR,
    SITI,
    VENUE,
    add_people,
    at,
    compose,
    last_alert,
    when,
)
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, fetch
from tests.harness import BotHarness, Chat
from tests.texts import said


async def test_preview_shows_exactly_what_psm_will_receive(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    preview = await compose(coordinator)
    intro, announcement, summary = preview.messages
    assert said("announce-preview-intro") in intro["text"]
    assert "Bimtek Pendampingan Lansia" in announcement["text"] and BODY in announcement["text"]
    assert when(at(15, 9)) in announcement["text"]
    assert VENUE in announcement["text"]
    labels = [b["text"] for row in announcement["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == [said("button-rsvp-yes"), said("button-rsvp-no")]
    tangerang = said("audience-kecamatan", names="Tangerang")
    immediately = said("announce-send-immediately")
    assert (
        said("announce-preview", audience=tangerang, count=2, send=immediately) in summary["text"]
    )

    await coordinator.tap(said("button-rsvp-yes"), announcement)
    assert last_alert(harness) == said("announce-preview-only")
    assert await fetch(schema, Announcement) == []
    assert harness.telegram.sent_to(SITI) == []

    saved = await coordinator.tap(said("button-announce-submit"))
    assert saved.says("announce-saved", count=2, send=said("announce-send-now-done"))
    await coordinator.tap(said("button-rsvp-yes"), announcement)
    assert last_alert(harness) == said("announce-preview-only"), "still the preview once sent"
    [item] = await fetch(schema, Announcement)
    assert (item.title, item.body, item.venue) == ("Bimtek Pendampingan Lansia", BODY, VENUE)
    assert item.audience == {"kecamatan": [TANGERANG]} and item.code in saved.text
    kinds = sorted(r.kind for r in await fetch(schema, AnnouncementReminder))
    assert kinds == ["reminder_2h", "reminder_day"]


async def test_wrong_answers_are_explained_and_earlier_answers_kept(coordinator: Chat) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    short = said("answer-announce-title-short", min=3)
    assert short in (await coordinator.send("Bi")).text
    await coordinator.send("Bimtek Pendampingan Lansia")
    assert said("announce-need-body") in (await coordinator.send_sticker()).text
    await coordinator.send(BODY)
    assert said("announce-time-format") in (await coordinator.send("besok pagi")).text
    assert said("announce-time-invalid") in (await coordinator.send("31-11-2026 09:00")).text
    assert said("announce-start-past") in (await coordinator.send("30-11-2026 09:00")).text
    assert said("announce-start-far") in (await coordinator.send("15-12-2062 09:00")).text
    assert said("announce-ask-venue") in (await coordinator.send("15/12/2026 09.00")).text
    await coordinator.send(VENUE)
    await coordinator.tap("Semua PSM")
    assert said("announce-send-late") in (await coordinator.send("16-12-2026 08:00")).text
    assert said("announce-send-past") in (await coordinator.send("01-12-2026 08:00")).text
    preview = await coordinator.send("10-12-2026 08:00")
    assert "Bimtek Pendampingan Lansia" in preview.text
    assert preview.says("announce-preview", send=when(at(10, 8)))


async def test_a_flyer_carries_the_announcement_as_its_caption(
    coordinator: Chat, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    await coordinator.send("Bimtek Pendampingan Lansia")
    wrong_file = await coordinator.send_document("a.docx", "application/msword", caption=BODY)
    assert said("announce-flyer-type") in wrong_file.text
    no_caption = said("answer-announce-caption-short", min=10)
    assert no_caption in (await coordinator.send_photo()).text
    too_long = said("answer-announce-caption-long", max=500, length=501)
    assert too_long in (await coordinator.send_photo("x" * 501)).text
    await coordinator.send_photo(BODY)
    await coordinator.send("15-12-2026 09:00")
    await coordinator.send(VENUE)
    await coordinator.tap("Semua PSM")
    preview = await coordinator.tap(said("button-announce-send-now"))
    flyer = preview.messages[1]
    assert flyer["photo"] and BODY in flyer["caption"] and VENUE in flyer["caption"]
    await coordinator.tap(said("button-announce-submit"))
    [item] = await fetch(schema, Announcement)
    assert item.photo_file_id and item.document_file_id is None and item.body == BODY


async def test_a_pdf_flyer_is_previewed_as_a_document(coordinator: Chat, schema: str) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    await coordinator.send("Bimtek Pendampingan Lansia")
    await coordinator.send_document("undangan.pdf", "application/pdf", caption=BODY)
    for answer in ("15-12-2026 09:00", VENUE):
        await coordinator.send(answer)
    await coordinator.tap("Semua PSM")
    flyer = (await coordinator.tap(said("button-announce-send-now"))).messages[1]
    assert flyer["document"]["file_name"] == "undangan.pdf" and BODY in flyer["caption"]
    await coordinator.tap(said("button-announce-submit"))
    [item] = await fetch(schema, Announcement)
    assert item.document_file_id and item.photo_file_id is None


async def test_admin_chooses_several_kecamatan_and_may_address_coordinators(
    harness: BotHarness, schema: str
) -> None:
    await add_people(schema)
    admin = harness.user(ADMIN_ID)
    await admin.send("/pengumuman")
    await admin.tap(said("button-announce-new"))
    for answer in ("Rapat Koordinasi TKSK", BODY, "15-12-2026 09:00", VENUE):
        await admin.send(answer)
    assert admin.buttons() == [
        said("button-announce-to-all"),
        said("button-announce-to-pick"),
        said("button-announce-to-coordinators"),
    ]
    await admin.tap(said("button-announce-to-pick"))
    await admin.tap(said("button-announce-kecamatan-done"))
    assert last_alert(harness) == said("announce-audience-empty")
    await admin.tap("Cipondoh")
    await admin.tap("Ciledug")
    assert "✅ Ciledug" in admin.buttons()
    await admin.tap("✅ Ciledug")
    await admin.tap(said("button-announce-kecamatan-done"))
    preview = await admin.tap(said("button-announce-send-now"))
    cipondoh = said("audience-kecamatan", names="Cipondoh")
    assert preview.says("announce-preview", audience=cipondoh, count=1)
    await admin.tap(said("button-announce-submit"))
    [item] = await fetch(schema, Announcement)
    assert item.audience == {"kecamatan": [CIPONDOH]}


async def test_coordinators_only_reach_their_own_kecamatan(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    for answer in ("Bimtek Pendampingan Lansia", BODY, "15-12-2026 09:00", VENUE):
        await coordinator.send(answer)
    assert coordinator.buttons() == [said("button-announce-to-mine")]
    reply = await coordinator.tap_data("an:aud:coordinators")
    assert said("wrong-stale-button") in reply.text
    assert said("announce-ask-audience") in reply.text

    [user] = await fetch(schema, User, telegram_id=COORDINATOR)
    with pytest.raises(AudienceRefused):
        resolve_audience(user, "pick", [CIPONDOH])
    assert resolve_audience(user, "mine", []) == Audience(kecamatan=(TANGERANG,))


async def test_psm_cannot_announce(harness: BotHarness, schema: str) -> None:
    await add_people(schema)
    reply = await harness.user(SITI).send("/pengumuman")
    assert said("announce-not-allowed") in reply.text


async def test_a_draft_survives_a_restart_and_batal_drops_it(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    await coordinator.send("Bimtek Pendampingan Lansia")
    await harness.restart()
    assert (await coordinator.send(BODY)).says("announce-ask-start", zone="WIB")
    assert said("announce-resume") in (await coordinator.send("/pengumuman")).text
    assert said("announce-discarded") in (await coordinator.send("/batal")).text
    assert (await coordinator.send("/pengumuman")).buttons == [
        said("button-announce-new"),
        said("button-announce-list"),
    ]
    assert await fetch(schema, Announcement) == []


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("10/12 jam 9", at(10, 9)),
        ("Kamis 10 Desember 09.00", at(10, 9)),
        ("besok jam 2 siang", at(2, 14)),
        ("Sabtu jam 8 pagi", at(5, 8)),
        ("15-12-2026, pukul 19.30 WIB", at(15, 19, 30)),
    ],
)
async def test_the_event_time_is_read_the_way_indonesians_type_it(
    coordinator: Chat, typed: str, moment: datetime
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    await coordinator.send("Bimtek Pendampingan Lansia")
    await coordinator.send(BODY)
    assert said("announce-ask-venue") in (await coordinator.send(typed)).text
    await coordinator.send(VENUE)
    await coordinator.send("semua psm")
    preview = await coordinator.send("kirim sekarang")
    assert when(moment) in preview.text
    assert preview.says("announce-preview", send=said("announce-send-immediately"))
    assert (await coordinator.send("kirim")).says("announce-saved")
