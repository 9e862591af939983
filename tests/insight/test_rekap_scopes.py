"""/rekap shows each user the figures of their own area, and nobody else's."""

from __future__ import annotations

from typing import Any

from storage.audit import AuditEntry
from storage.people import Role
from tests.conftest import ADMIN_ID
from tests.factories import fetch, set_role
from tests.harness import BotHarness
from tests.insight.conftest import (
    CIPONDOH,
    CITY,
    COORD_TANGERANG,
    COORD_TWO,
    KARAWACI,
    LAST_MONTH,
    PSM_TANGERANG,
    TANGERANG,
    rekap_title,
)
from tests.texts import said, said_pattern


def album(harness: BotHarness, chat_id: int) -> list[dict[str, Any]]:
    """The photos of the newest album the bot sent to the chat."""
    sent = harness.telegram.sent_to(chat_id)
    photos = [m for m in sent if "photo" in m and m.get("media_group_id")]
    assert photos, "no album was sent"
    newest = photos[-1]["media_group_id"]
    return [m for m in photos if m["media_group_id"] == newest]


async def views(url: str) -> list[dict[str, Any]]:
    return [entry.detail for entry in await fetch(url, AuditEntry, action="insight.view")]


async def test_psm_are_told_rekap_is_for_coordinators(harness: BotHarness, people: str) -> None:
    reply = await harness.user(PSM_TANGERANG).send("/rekap")
    assert said("rekap-not-allowed") in reply.text
    assert await views(people) == []


async def test_coordinator_sees_only_their_kecamatan(harness: BotHarness, people: str) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    asked = await coordinator.send("/rekap")
    assert said("rekap-ask-period") in asked.text  # one kecamatan: no area question
    reply = await coordinator.tap(LAST_MONTH)
    summary = reply.messages[0]["text"]
    assert rekap_title("Tangerang") in summary
    assert said("rekap-summary-cases", total=3, closed=1) in summary
    # Cipondoh's tinggi is not here
    assert said_pattern("rekap-summary-urgency", darurat=1, tinggi=0).search(summary)
    assert said("rekap-summary-referrals", total=1, pending=1, overdue=1) in summary
    quiet = said_pattern("rekap-summary-quiet", more=0).search(summary)
    assert quiet and "Diam Saja" in quiet["names"]  # the PSM who has gone quiet
    assert "Baru Gabung" not in quiet["names"]  # joined five days before the month's end
    assert len(album(harness, COORD_TANGERANG)) == 8
    # The words and their export buttons come first, on screen; the album follows them.
    assert reply.messages[0].get("reply_markup") and all("photo" in m for m in reply.messages[1:])
    # no full-NIK export
    assert coordinator.buttons() == [said("rekap-button-xlsx"), said("rekap-button-csv")]
    assert await views(people) == [{"scope": TANGERANG, "period": "2026110120261130"}]


async def test_admin_sees_the_city_or_a_chosen_kecamatan(harness: BotHarness, people: str) -> None:
    admin = harness.user(ADMIN_ID)
    await admin.send("/rekap")
    assert admin.buttons()[0] == CITY and "Cipondoh" in admin.buttons()
    await admin.tap(CITY)
    city = await admin.tap(LAST_MONTH)
    assert rekap_title("Kota Tangerang") in city.messages[0]["text"]
    assert said_pattern("rekap-summary-cases", total=5).search(city.messages[0]["text"])
    assert said("rekap-button-full") in admin.buttons()

    await admin.send("/rekap")
    await admin.tap("Cipondoh")
    one = await admin.tap(LAST_MONTH)
    assert said("rekap-summary-cases", total=2, closed=0) in one.messages[0]["text"]
    assert [v["scope"] for v in await views(people)] == ["city", CIPONDOH]


async def test_forged_kecamatan_buttons_are_refused(harness: BotHarness, people: str) -> None:
    coordinator = harness.user(COORD_TWO)  # Tangerang and Karawaci
    asked = await coordinator.send("/rekap")
    assert asked.buttons == [said("rekap-area-mine"), "Tangerang", "Karawaci"]
    refused = await coordinator.tap_data(f"rk:a:{CIPONDOH}")
    assert refused.messages == []
    [alert] = [r for r in harness.telegram.requests if r.method == "answerCallbackQuery"]
    assert alert.params["text"] == said("rekap-refused-forbidden")
    # Still at the area question: a real button goes on.
    await coordinator.tap("Karawaci")
    reply = await coordinator.tap(LAST_MONTH)
    assert said("rekap-summary-empty") in reply.messages[0]["text"]
    assert [v["scope"] for v in await views(people)] == [KARAWACI]


async def test_typed_dates_are_read_and_mistakes_explained(
    harness: BotHarness, people: str
) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    await coordinator.send("/rekap")
    wrong = await coordinator.send("31-11-2026 s/d 05-12-2026")
    assert said("rekap-bad-period-date") in wrong.text and said("rekap-ask-period") in wrong.text
    backwards = await coordinator.send("30-11-2026 s/d 01-11-2026")
    assert said("rekap-bad-period-order") in backwards.text
    reply = await coordinator.send("30-10-2026 sd 06-11-2026")
    typed = said("rekap-period-range", first="30-10-2026", last="06-11-2026")
    assert rekap_title("Tangerang", typed) in reply.messages[0]["text"]
    # 30 Oct, 3 and 5 Nov
    assert said_pattern("rekap-summary-cases", total=3).search(reply.messages[0]["text"])
    assert [v["period"] for v in await views(people)] == ["2026103020261106"]


async def test_a_coordinator_who_lost_the_area_is_refused_at_the_answer(
    harness: BotHarness, people: str
) -> None:
    coordinator = harness.user(COORD_TWO)
    await coordinator.send("/rekap")
    await coordinator.tap("Karawaci")
    await set_role(people, COORD_TWO, Role.PSM)
    reply = await coordinator.tap(LAST_MONTH)
    assert reply.messages[0]["text"] == said("rekap-refused-not-allowed")
    assert await views(people) == []


async def test_the_chosen_area_survives_a_restart(harness: BotHarness, people: str) -> None:
    admin = harness.user(ADMIN_ID)
    await admin.send("/rekap")
    await admin.tap("Cipondoh")
    await harness.restart()
    reply = await admin.tap(LAST_MONTH)
    assert rekap_title("Cipondoh") in reply.messages[0]["text"]
    assert said_pattern("rekap-summary-cases", total=2).search(reply.messages[0]["text"])
