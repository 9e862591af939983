"""Exports from /rekap: the period's cases as XLSX or CSV, masked, defused, audited, in scope."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

from storage.audit import AuditEntry
from tests.conftest import ADMIN_ID
from tests.factories import fetch
from tests.harness import BotHarness, Chat, Reply
from tests.insight.conftest import (
    CIPONDOH,
    CITY,
    COORD_TANGERANG,
    FORMULA_NAME,
    LAST_MONTH,
    NOVEMBER_2026,
    PSM_TANGERANG,
    REAL_NIK,
    TANGERANG,
)
from tests.texts import said

NOVEMBER = "2026110120261130"


def file_of(harness: BotHarness, reply: Reply) -> tuple[str, bytes]:
    [document] = [m["document"] for m in reply.messages if "document" in m]
    return document["file_name"], harness.telegram.state.files[document["file_id"]].data


def sheet_rows(data: bytes) -> list[tuple[Any, ...]]:
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


async def last_month(chat: Chat) -> Reply:
    await chat.send("/rekap")
    if chat.id == ADMIN_ID:
        await chat.tap(CITY)
    return await chat.tap(LAST_MONTH)


async def exports(url: str) -> list[dict[str, Any]]:
    return [entry.detail for entry in await fetch(url, AuditEntry, action="insight.export")]


async def test_xlsx_export_is_masked_defused_and_audited(harness: BotHarness, people: str) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    await last_month(coordinator)
    reply = await coordinator.tap(said("rekap-button-xlsx"))
    name, data = file_of(harness, reply)
    assert name == "rekap-Tangerang-2026-11-01_2026-11-30.xlsx"  # readable, not codes
    assert reply.last["caption"] == said(
        "rekap-export-caption", scope="Tangerang", period=NOVEMBER_2026, rows=3, part=1, parts=1
    )
    header, *rows = sheet_rows(data)
    assert header[0] == said("rekap-col-number") and header[10] == said("rekap-col-nik")
    assert [row[0] for row in rows] == ["TNG-2026-00001", "TNG-2026-00002", "TNG-2026-00003"]
    assert {row[4] for row in rows} == {"Tangerang"}  # Cipondoh's cases are not in it
    assert {row[10] for row in rows} == {"367101••••••••01"}
    assert REAL_NIK.encode() not in data
    # The typed name stays text: not a formula, shown with its apostrophe.
    assert rows[0][9] == "'" + FORMULA_NAME
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == [said("rekap-sheet-cases")]
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)
    closed = rows[1]
    assert closed[14] == 1.0 and closed[16] == 5.0  # days to verification, to closing
    assert rows[2][17] == f"Dinkes / Puskesmas / RSUD: {said('rekap-outcome-pending')}"
    assert rows[2][18] == "Lutpiah"
    assert await exports(people) == [
        {
            "scope": TANGERANG,
            "period": NOVEMBER,
            "format": "xlsx",
            "full_nik": False,
            "rows": 3,
            "files": 1,
        },
    ]


async def test_csv_export_opens_in_excel_with_semicolons(harness: BotHarness, people: str) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    await last_month(coordinator)
    name, data = file_of(harness, await coordinator.tap(said("rekap-button-csv")))
    assert name.endswith(".csv") and data.startswith("\ufeff".encode())
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(header) == 19 and len(rows) == 3
    assert rows[0][9] == "'" + FORMULA_NAME
    assert rows[1][14] == "1,0" and rows[1][1].startswith("05-11-2026")
    assert [e["format"] for e in await exports(people)] == ["csv"]


async def test_full_nik_export_needs_an_admin_and_a_confirmation(
    harness: BotHarness, people: str
) -> None:
    admin = harness.user(ADMIN_ID)
    await last_month(admin)
    asked = await admin.tap(said("rekap-button-full"))
    assert asked.says("rekap-full-confirm", scope="Kota Tangerang", period=NOVEMBER_2026)
    assert not any("document" in m for m in asked.messages)
    reply = await admin.tap(said("rekap-button-full-yes"))
    _, data = file_of(harness, reply)
    _, *rows = sheet_rows(data)
    assert len(rows) == 5 and {row[10] for row in rows} == {REAL_NIK}
    [audit] = await exports(people)
    assert audit["full_nik"] is True and audit["rows"] == 5 and audit["scope"] == "city"

    await admin.tap(said("rekap-button-full"))
    declined = await admin.tap(said("rekap-button-full-no"))
    assert said("rekap-full-cancelled") in declined.text
    assert len(await exports(people)) == 1


async def test_forged_export_buttons_are_refused(harness: BotHarness, people: str) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    answer = await last_month(coordinator)
    for forged in (
        f"rk:x:xlsx:{CIPONDOH}:{NOVEMBER}",
        f"rk:y:{TANGERANG}:{NOVEMBER}",
        f"rk:x:full:{TANGERANG}:{NOVEMBER}",
        f"rk:x:csv:city:{NOVEMBER}",
    ):
        reply = await coordinator.tap_data(forged, answer.last)
        assert reply.messages == []
    alerts = [
        r.params.get("text")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery" and r.params.get("show_alert")
    ]
    forbidden, admins_only = said("rekap-refused-forbidden"), said("rekap-refused-full")
    assert alerts == [forbidden, admins_only, admins_only, forbidden]
    assert await exports(people) == []


async def test_psm_cannot_export_with_an_old_coordinator_button(
    harness: BotHarness, people: str
) -> None:
    psm = harness.user(PSM_TANGERANG)
    await psm.send("/bantuan")
    reply = await psm.tap_data(f"rk:x:xlsx:mine:{NOVEMBER}", psm.history()[-1])
    assert reply.messages == [] and await exports(people) == []
