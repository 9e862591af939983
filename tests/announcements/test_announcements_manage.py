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
    VENUE,
    at,
    last_alert,
    publish,
    rsvp,
    texts_to,
    when,
)
from tests.factories import CIPONDOH, add_user, fetch, set_role
from tests.harness import BotHarness, Chat
from tests.texts import said, said_pattern

TITLE = "Bimtek Pendampingan Lansia"


def list_item(title: str, date: str = "15-12-2026") -> str:
    return said("announce-list-item", cancelled="false", date=date, title=title)


async def open_card(coordinator: Chat) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-list"))
    await coordinator.tap(TITLE)


async def test_the_list_shows_the_coordinators_own_announcements(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await coordinator.send("/pengumuman")
    empty = said("announce-list-empty")
    assert empty in (await coordinator.tap(said("button-announce-list"))).text
    await publish(coordinator)
    await coordinator.send("/pengumuman")
    listing = await coordinator.tap(said("button-announce-list"))
    assert listing.buttons == [list_item(TITLE), said("button-announce-new")]
    await add_user(schema, OTHER_COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    other = harness.user(OTHER_COORDINATOR)
    await other.send("/pengumuman")
    assert empty in (await other.tap(said("button-announce-list"))).text
    [item] = await fetch(schema, Announcement)
    await other.tap_data(f"am:o:{item.id}", other.last_with_buttons())
    request = harness.telegram.requests[-1]
    assert request.method == "answerCallbackQuery"
    assert request.params["text"] == said("announce-refused-forbidden")


async def test_an_author_who_is_no_longer_a_coordinator_cannot_manage_or_export(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await publish(coordinator)
    await coordinator.tap(said("button-announce-open"))
    card = coordinator.last_with_buttons()
    await set_role(schema, COORDINATOR, Role.PSM)
    for button in (said("button-announce-export"), said("button-announce-cancel")):
        await coordinator.tap(button, card)
        assert last_alert(harness) == said("announce-refused-forbidden")
    assert await fetch(schema, AuditEntry, action="announcement.export") == []
    [item] = await fetch(schema, Announcement)
    assert item.status == "scheduled"


async def test_a_long_list_pages_and_shows_titles_as_typed(coordinator: Chat) -> None:
    for number in range(1, 12):
        await publish(coordinator, title=f"Rapat {number:02} PSM & TKSK")
    await coordinator.send("/pengumuman")
    first = await coordinator.tap(said("button-announce-list"))
    assert said("announce-list", page=1, pages=2) in first.text
    assert first.buttons[0] == list_item("Rapat 11 PSM & TKSK")
    new = said("button-announce-new")
    assert len(first.buttons) == 10 + 2 and first.buttons[-2:] == ["▶️", new]
    second = await coordinator.tap("▶️")
    assert said("announce-list", page=2, pages=2) in second.text
    assert second.buttons == [list_item("Rapat 01 PSM & TKSK"), "◀️", new]


async def test_moving_the_event_tells_those_who_received_it(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator)
    await harness.run_job("outbox")
    await rsvp(harness, SITI, "yes")
    await open_card(coordinator)
    asked = await coordinator.tap(said("button-announce-reschedule"))
    assert asked.says("announce-ask-new-time", title=TITLE, zone="WIB")
    assert said("announce-start-past") in (await coordinator.send("30-11-2026 09:00")).text
    moved = await coordinator.send("16-12-2026 13:00")
    assert said("announce-rescheduled", title=TITLE, when=when(at(16, 13)), told=2) in moved.text
    await harness.run_job("outbox")
    before, after = when(at(15, 9)), when(at(16, 13))
    notice = said(
        "announce-notice-rescheduled", title=TITLE, before=before, when=after, venue=VENUE
    )
    assert notice in texts_to(harness, SITI)[-1]
    before, after = when(at(15, 9), "en"), when(at(16, 13), "en")
    notice = said(
        "announce-notice-rescheduled", "en", title=TITLE, before=before, when=after, venue=VENUE
    )
    assert notice in texts_to(harness, RUDI)[-1]

    # Reminders follow the new time: none on the 14th, one on the 15th at 13:00.
    day_before = said_pattern("announce-reminder-day")
    for moment in (at(14, 9, 30), at(15, 13)):
        clock.set(moment)
        await harness.run_job("announcement_reminders")
        await harness.run_job("outbox")
        reminded = [text for text in texts_to(harness, SITI) if day_before.search(text)]
        assert len(reminded) == (moment == at(15, 13))


async def test_moving_an_unsent_announcement_sends_the_new_time(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    await open_card(coordinator)
    await coordinator.tap(said("button-announce-reschedule"))
    too_early = said("announce-refused-before-send")
    assert too_early in (await coordinator.send("05-12-2026 09:00")).text
    moved = said("announce-rescheduled", title=TITLE, when=when(at(16, 13)), told=0)
    assert moved in (await coordinator.send("16-12-2026 13:00")).text
    clock.set(at(10, 8))
    await harness.run_job("outbox")
    [announcement] = texts_to(harness, SITI)
    assert when(at(16, 13)) in announcement and TITLE in announcement
    assert not said_pattern("announce-notice-rescheduled").search(announcement)


async def test_cancelling_withdraws_unsent_copies_and_tells_recipients(
    coordinator: Chat, harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    harness.telegram.block_chat(RUDI)
    await publish(coordinator)
    await harness.run_job("outbox")
    await open_card(coordinator)
    await coordinator.tap(said("button-announce-cancel"))
    done = await coordinator.tap(said("button-announce-cancel-yes"))
    assert said("announce-cancelled", title=TITLE, told=1) in done.text
    await harness.run_job("outbox")
    notice = said("announce-notice-cancelled", title=TITLE, when=when(at(15, 9)))
    assert notice in texts_to(harness, SITI)[-1]
    assert await rsvp(harness, SITI, "yes") == said("rsvp-refused-cancelled")

    await publish(coordinator, title="Bimtek Kedua", send="10-12-2026 08:00")
    await coordinator.tap(said("button-announce-open"))
    await coordinator.tap(said("button-announce-cancel"))
    await coordinator.tap(said("button-announce-cancel-yes"))
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
    await coordinator.tap(said("button-announce-open"))
    sent = await coordinator.tap(said("button-announce-export"))
    document = sent.last["document"]
    assert document["file_name"] == f"rsvp-{code}.xlsx"
    data = harness.telegram.state.files[document["file_id"]].data
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header, rudi, siti = sheet.iter_rows(values_only=True)
    columns = ("name", "kecamatan", "kelurahan", "delivery", "answer", "answered", "attended")
    assert header == tuple(said(f"announce-export-{column}") for column in columns)
    blocked, unanswered = said("announce-delivery-blocked"), said("rsvp-answer-none")
    assert rudi[:5] == ("Rudi Hartono", "Tangerang", "Sukarasa", blocked, unanswered)
    sent_to, yes = said("announce-delivery-sent"), said("rsvp-answer-yes")
    assert siti[:5] == ("Siti Aminah", "Tangerang", "Sukarasa", sent_to, yes)
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
