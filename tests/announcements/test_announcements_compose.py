"""A coordinator composes an announcement step by step, previews it, and confirms or drops it."""

from __future__ import annotations

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
    compose,
    last_alert,
)
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, fetch
from tests.harness import BotHarness, Chat


async def test_preview_shows_exactly_what_psm_will_receive(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    preview = await compose(coordinator)
    intro, announcement, summary = preview.messages
    assert "Pratinjau" in intro["text"]
    assert "Bimtek Pendampingan Lansia" in announcement["text"] and BODY in announcement["text"]
    assert "Selasa, 15 Desember 2026, pukul 09:00 WIB" in announcement["text"]
    assert VENUE in announcement["text"]
    labels = [b["text"] for row in announcement["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Hadir", "Tidak hadir"]
    assert "PSM Kec. Tangerang (2 orang)" in summary["text"]
    assert "segera" in summary["text"]

    await coordinator.tap("Hadir", announcement)
    assert "pratinjau" in last_alert(harness)
    assert await fetch(schema, Announcement) == []
    assert harness.telegram.sent_to(SITI) == []

    saved = await coordinator.tap("✅ Kirim")
    assert "dikirim ke 2 orang" in saved.text
    [item] = await fetch(schema, Announcement)
    assert (item.title, item.body, item.venue) == ("Bimtek Pendampingan Lansia", BODY, VENUE)
    assert item.audience == {"kecamatan": [TANGERANG]} and item.code in saved.text
    kinds = sorted(r.kind for r in await fetch(schema, AnnouncementReminder))
    assert kinds == ["reminder_2h", "reminder_day"]


async def test_wrong_answers_are_explained_and_earlier_answers_kept(coordinator: Chat) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Buat pengumuman")
    assert "terlalu pendek" in (await coordinator.send("Bi")).text
    await coordinator.send("Bimtek Pendampingan Lansia")
    assert "teks" in (await coordinator.send_sticker()).text
    await coordinator.send(BODY)
    assert "tidak dikenali" in (await coordinator.send("besok pagi")).text
    assert "tidak ada di kalender" in (await coordinator.send("31-11-2026 09:00")).text
    assert "sudah lewat" in (await coordinator.send("30-11-2026 09:00")).text
    assert "setahun" in (await coordinator.send("15-12-2062 09:00")).text
    assert "tempatnya" in (await coordinator.send("15/12/2026 09.00")).text
    await coordinator.send(VENUE)
    await coordinator.tap("Semua PSM")
    assert "sebelum acara dimulai" in (await coordinator.send("16-12-2026 08:00")).text
    assert "sudah lewat" in (await coordinator.send("01-12-2026 08:00")).text
    preview = await coordinator.send("10-12-2026 08:00")
    assert "Bimtek Pendampingan Lansia" in preview.text
    assert "Dikirim: Kamis, 10 Desember 2026, pukul 08:00 WIB" in preview.text


async def test_a_flyer_carries_the_announcement_as_its_caption(
    coordinator: Chat, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Buat pengumuman")
    await coordinator.send("Bimtek Pendampingan Lansia")
    wrong_file = await coordinator.send_document("a.docx", "application/msword", caption=BODY)
    assert "foto atau file PDF" in wrong_file.text
    assert "keterangannya kosong" in (await coordinator.send_photo()).text
    assert "paling banyak 500" in (await coordinator.send_photo("x" * 501)).text
    await coordinator.send_photo(BODY)
    await coordinator.send("15-12-2026 09:00")
    await coordinator.send(VENUE)
    await coordinator.tap("Semua PSM")
    preview = await coordinator.tap("Kirim sekarang")
    flyer = preview.messages[1]
    assert flyer["photo"] and BODY in flyer["caption"] and VENUE in flyer["caption"]
    await coordinator.tap("✅ Kirim")
    [item] = await fetch(schema, Announcement)
    assert item.photo_file_id and item.document_file_id is None and item.body == BODY


async def test_a_pdf_flyer_is_previewed_as_a_document(coordinator: Chat, schema: str) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Buat pengumuman")
    await coordinator.send("Bimtek Pendampingan Lansia")
    await coordinator.send_document("undangan.pdf", "application/pdf", caption=BODY)
    for answer in ("15-12-2026 09:00", VENUE):
        await coordinator.send(answer)
    await coordinator.tap("Semua PSM")
    flyer = (await coordinator.tap("Kirim sekarang")).messages[1]
    assert flyer["document"]["file_name"] == "undangan.pdf" and BODY in flyer["caption"]
    await coordinator.tap("✅ Kirim")
    [item] = await fetch(schema, Announcement)
    assert item.document_file_id and item.photo_file_id is None


async def test_admin_chooses_several_kecamatan_and_may_address_coordinators(
    harness: BotHarness, schema: str
) -> None:
    await add_people(schema)
    admin = harness.user(ADMIN_ID)
    await admin.send("/pengumuman")
    await admin.tap("Buat pengumuman")
    for answer in ("Rapat Koordinasi TKSK", BODY, "15-12-2026 09:00", VENUE):
        await admin.send(answer)
    assert admin.buttons() == [
        "👥 Semua PSM aktif",
        "📍 Pilih kecamatan",
        "🧑‍💼 Khusus koordinator",
    ]
    await admin.tap("Pilih kecamatan")
    await admin.tap("✔️ Selesai")
    assert "minimal satu kecamatan" in last_alert(harness)
    await admin.tap("Cipondoh")
    await admin.tap("Ciledug")
    assert "✅ Ciledug" in admin.buttons()
    await admin.tap("✅ Ciledug")
    await admin.tap("✔️ Selesai")
    preview = await admin.tap("Kirim sekarang")
    assert "PSM Kec. Cipondoh (1 orang)" in preview.text
    await admin.tap("✅ Kirim")
    [item] = await fetch(schema, Announcement)
    assert item.audience == {"kecamatan": [CIPONDOH]}


async def test_coordinators_only_reach_their_own_kecamatan(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Buat pengumuman")
    for answer in ("Bimtek Pendampingan Lansia", BODY, "15-12-2026 09:00", VENUE):
        await coordinator.send(answer)
    assert coordinator.buttons() == ["👥 Semua PSM di wilayah saya"]
    reply = await coordinator.tap_data("an:aud:coordinators")
    assert "sudah tidak berlaku" in reply.text and "Kepada siapa" in reply.text

    [user] = await fetch(schema, User, telegram_id=COORDINATOR)
    with pytest.raises(AudienceRefused):
        resolve_audience(user, "pick", [CIPONDOH])
    assert resolve_audience(user, "mine", []) == Audience(kecamatan=(TANGERANG,))


async def test_psm_cannot_announce(harness: BotHarness, schema: str) -> None:
    await add_people(schema)
    reply = await harness.user(SITI).send("/pengumuman")
    assert "hanya dapat dibuat oleh koordinator" in reply.text


async def test_a_draft_survives_a_restart_and_batal_drops_it(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Buat pengumuman")
    await coordinator.send("Bimtek Pendampingan Lansia")
    await harness.restart()
    assert "Kapan acara dimulai" in (await coordinator.send(BODY)).text
    assert "sedang menyusun" in (await coordinator.send("/pengumuman")).text
    assert "dibuang" in (await coordinator.send("/batal")).text
    assert (await coordinator.send("/pengumuman")).buttons == [
        "➕ Buat pengumuman",
        "📋 Daftar pengumuman",
    ]
    assert await fetch(schema, Announcement) == []
