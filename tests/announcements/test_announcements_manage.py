"""Coordinators list their announcements, move or cancel an event, and export the RSVP list."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from bot.announcements.report import RsvpRow, rsvp_sheet
from bot.reference.regions import load_regions
from bot.runtime.clock import FixedClock
from bot.runtime.settings import Settings
from storage.announcements import Announcement
from storage.audit import AuditEntry
from storage.delivery import OutboxMessage
from storage.people import Role
from tests.announcing import (
    COORDINATOR,
    OTHER_COORDINATOR,
    RUDI,
    SITI,
    at,
    last_alert,
    publish,
    rsvp,
    texts_to,
)
from tests.factories import CIPONDOH, add_user, fetch, set_role
from tests.harness import BotHarness, Chat


async def open_card(coordinator: Chat) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap("Daftar pengumuman")
    await coordinator.tap("Bimtek Pendampingan Lansia")


async def test_the_list_shows_the_coordinators_own_announcements(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    assert "Belum ada pengumuman" in (await coordinator.tap("Daftar pengumuman")).text
    await publish(coordinator)
    await coordinator.send("/pengumuman")
    listing = await coordinator.tap("Daftar pengumuman")
    assert listing.buttons == ["🗓 15-12-2026 · Bimtek Pendampingan Lansia", "➕ Buat pengumuman"]
    await add_user(schema, OTHER_COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    other = harness.user(OTHER_COORDINATOR)
    await other.send("/pengumuman")
    assert "Belum ada pengumuman" in (await other.tap("Daftar pengumuman")).text
    [item] = await fetch(schema, Announcement)
    await other.tap_data(f"am:o:{item.id}", other.last_with_buttons())
    request = harness.telegram.requests[-1]
    assert request.method == "answerCallbackQuery" and "tidak dapat" in request.params["text"]


async def test_an_author_who_is_no_longer_a_coordinator_cannot_manage_or_export(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await publish(coordinator)
    await coordinator.tap("Lihat jawaban")
    card = coordinator.last_with_buttons()
    await set_role(schema, COORDINATOR, Role.PSM)
    for button in ("Unduh daftar", "Batalkan acara"):
        await coordinator.tap(button, card)
        assert "tidak dapat mengelola" in last_alert(harness)
    assert await fetch(schema, AuditEntry, action="announcement.export") == []
    [item] = await fetch(schema, Announcement)
    assert item.status == "scheduled"


async def test_a_long_list_pages_and_shows_titles_as_typed(coordinator: Chat) -> None:
    for number in range(1, 12):
        await publish(coordinator, title=f"Rapat {number:02} PSM & TKSK")
    await coordinator.send("/pengumuman")
    first = await coordinator.tap("Daftar pengumuman")
    assert "halaman 1/2" in first.text
    assert first.buttons[0] == "🗓 15-12-2026 · Rapat 11 PSM & TKSK"
    assert len(first.buttons) == 10 + 2 and first.buttons[-2:] == ["▶️", "➕ Buat pengumuman"]
    second = await coordinator.tap("▶️")
    assert "halaman 2/2" in second.text
    assert second.buttons == ["🗓 15-12-2026 · Rapat 01 PSM & TKSK", "◀️", "➕ Buat pengumuman"]


async def test_moving_the_event_tells_those_who_received_it(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator)
    await harness.run_job("outbox")
    await rsvp(harness, SITI, "yes")
    await open_card(coordinator)
    assert "waktu baru" in (await coordinator.tap("Ubah waktu acara")).text
    assert "sudah lewat" in (await coordinator.send("30-11-2026 09:00")).text
    moved = await coordinator.send("16-12-2026 13:00")
    assert "Rabu, 16 Desember 2026, pukul 13:00 WIB" in moved.text and "2 penerima" in moved.text
    await harness.run_job("outbox")
    notice = texts_to(harness, SITI)[-1]
    assert "Waktu acara berubah" in notice and "Selasa, 15 Desember" in notice
    assert "Rabu, 16 Desember 2026, pukul 13:00" in notice
    assert "The event has moved" in texts_to(harness, RUDI)[-1]

    # Reminders follow the new time: none on the 14th, one on the 15th at 13:00.
    for moment in (at(14, 9, 30), at(15, 13)):
        clock.set(moment)
        await harness.run_job("announcement_reminders")
        await harness.run_job("outbox")
        reminded = [text for text in texts_to(harness, SITI) if "Pengingat: besok" in text]
        assert len(reminded) == (moment == at(15, 13))


async def test_moving_an_unsent_announcement_sends_the_new_time(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    await open_card(coordinator)
    await coordinator.tap("Ubah waktu acara")
    assert "setelah jadwal pengiriman" in (await coordinator.send("05-12-2026 09:00")).text
    assert "0 penerima" in (await coordinator.send("16-12-2026 13:00")).text
    clock.set(at(10, 8))
    await harness.run_job("outbox")
    [announcement] = texts_to(harness, SITI)
    assert "Rabu, 16 Desember 2026, pukul 13:00" in announcement and "berubah" not in announcement


async def test_cancelling_withdraws_unsent_copies_and_tells_recipients(
    coordinator: Chat, harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    harness.telegram.block_chat(RUDI)
    await publish(coordinator)
    await harness.run_job("outbox")
    await open_card(coordinator)
    await coordinator.tap("Batalkan acara")
    done = await coordinator.tap("Ya, batalkan")
    assert "dibatalkan. 1 penerima diberi tahu" in done.text
    await harness.run_job("outbox")
    assert "Acara dibatalkan" in texts_to(harness, SITI)[-1]
    assert "dibatalkan" in await rsvp(harness, SITI, "yes")

    await publish(coordinator, title="Bimtek Kedua", send="10-12-2026 08:00")
    await coordinator.tap("Lihat jawaban")
    await coordinator.tap("Batalkan acara")
    await coordinator.tap("Ya, batalkan")
    clock.set(at(10, 8))
    await harness.run_job("outbox")
    assert not any("Bimtek Kedua" in text for text in texts_to(harness, SITI))
    [second] = await fetch(schema, Announcement, title="Bimtek Kedua")
    rows = await fetch(schema, OutboxMessage, kind="announcement", campaign_id=second.id)
    assert [row.status for row in rows] == ["cancelled"]


async def test_the_rsvp_list_downloads_as_a_spreadsheet_and_is_audited(
    coordinator: Chat, harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    harness.telegram.block_chat(RUDI)
    code = await publish(coordinator)
    await harness.run_job("outbox")
    await rsvp(harness, SITI, "yes")
    clock.set(at(15, 8, 30))
    await harness.user(SITI).send(f"/hadir {code}")
    await coordinator.tap("Lihat jawaban")
    sent = await coordinator.tap("Unduh daftar")
    document = sent.last["document"]
    assert document["file_name"] == f"rsvp-{code}.xlsx"
    data = harness.telegram.state.files[document["file_id"]].data
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header, rudi, siti = sheet.iter_rows(values_only=True)
    assert header[:4] == ("Nama", "Kecamatan", "Kelurahan", "Pengiriman")
    assert header[4:] == ("Jawaban", "Waktu menjawab", "Tercatat hadir")
    assert rudi[:5] == ("Rudi Hartono", "Tangerang", "Sukarasa", "memblokir bot", "Belum menjawab")
    assert siti[:5] == ("Siti Aminah", "Tangerang", "Sukarasa", "terkirim", "Hadir")
    assert siti[6] == datetime(2026, 12, 15, 8, 30)
    [audit] = await fetch(schema, AuditEntry, action="announcement.export")
    assert audit.detail["rows"] == 2


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil","klik")', "+62 812 3456", "-1+1", "@SUM(A1)", "\t=1+1"]
)
def test_a_name_typed_like_a_formula_stays_plain_text_in_the_spreadsheet(
    settings: Settings, name: str
) -> None:
    row = RsvpRow(name, None, None, "sent", None, None, None)
    data = rsvp_sheet("Bimtek", [row], str, load_regions(settings.region_file), settings.tz)
    cell = load_workbook(io.BytesIO(data)).active["A2"]  # type: ignore[index]
    assert cell.value == name and cell.data_type == "s" and cell.quotePrefix
