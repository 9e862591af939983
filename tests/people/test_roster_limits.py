"""/impor refuses hostile files fast, naming the limit they pass, while others are answered.

Each workbook is built here the way the probe built it: a few kilobytes that declare a huge
sheet, inflate to a huge cell, or hold a million shared strings or empty rows.
"""

from __future__ import annotations

import asyncio
import io
import time
import zipfile
from collections.abc import Callable

import pytest

from bot.people import roster_limits as limits
from bot.people.roster_limits import MAX_ROWS, Deadline
from bot.people.roster_problems import Issue
from bot.people.roster_xlsx import xlsx_as_csv
from storage.people import RosterEntry
from tests.factories import fetch
from tests.harness import BotHarness
from tests.people.conftest import BUDI, LUTPIAH, People
from tests.people.test_roster_upload import HEADER, ROSTER, XLSX, csv_file, workbook
from tests.texts import said

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
OPEN_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


# Where openpyxl looks for the shared strings: the package's content types.
TYPES = "[Content_Types].xml"
STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def rebuilt(parts: dict[str, bytes]) -> bytes:
    """A valid roster workbook with some of its parts replaced, or added (shared strings
    are linked from the workbook, as Excel does)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook(ROSTER))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            data = parts.pop(name, source.read(name))
            if name == TYPES and STRINGS in parts:
                data = data.replace(b"</Types>", STRINGS_TYPE)
            target.writestr(name, data)
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def sheet(dimension: str | None, rows: bytes) -> bytes:
    declared = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    return OPEN_SHEET + declared + b"<sheetData>" + rows + b"</sheetData></worksheet>"


def declares_a_huge_sheet() -> bytes:
    cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>'
    return rebuilt({SHEET: sheet("A1:XFD20000", cells)})


def one_huge_cell() -> bytes:
    cell = b"A" * (limits.MAX_INFLATED + 1024)
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + cell + b"</t></is></c></row>"
    return rebuilt({SHEET: sheet("A1:A1", row)})


def shared_strings(count: int) -> Callable[[], bytes]:
    table = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    return lambda: rebuilt({STRINGS: table + b"<si><t>x</t></si>" * count + b"</sst>"})


def a_million_empty_rows() -> bytes:
    rows = b"".join(b'<row r="%d"/>' % number for number in range(1, 1_000_001))
    return rebuilt({SHEET: sheet(None, rows)})


def a_zip_bomb() -> bytes:
    return rebuilt({"xl/media/image1.png": bytes(limits.MAX_INFLATED + 1024)})


HOSTILE: dict[str, tuple[Callable[[], bytes], str, int]] = {
    "dimension A1:XFD20000": (declares_a_huge_sheet, "limit-columns", limits.MAX_COLUMNS),
    "one huge cell": (one_huge_cell, "limit-inflated", limits.MAX_INFLATED // limits.MEBIBYTE),
    "1M shared strings": (shared_strings(1_000_000), "limit-strings", limits.MAX_STRINGS),
    "250k shared strings": (shared_strings(250_000), "limit-strings", limits.MAX_STRINGS),
    "1M empty rows": (a_million_empty_rows, "limit-rows", MAX_ROWS),
    "zip bomb": (a_zip_bomb, "limit-inflated", limits.MAX_INFLATED // limits.MEBIBYTE),
}


@pytest.mark.parametrize("kind", HOSTILE)
async def test_a_hostile_workbook_is_refused_fast_naming_its_limit_while_others_are_answered(
    harness: BotHarness, people: People, schema: str, kind: str
) -> None:
    build, issue, limit = HOSTILE[kind]
    data = build()
    assert len(data) < limits.MAX_BYTES, "small enough to be downloaded"
    coordinator, psm = harness.user(BUDI), harness.user(LUTPIAH)
    await coordinator.send("/impor")
    started = time.monotonic()
    checking = asyncio.create_task(coordinator.send_document("psm.xlsx", XLSX, data=data))
    helped = await psm.send("/bantuan")
    reply = await checking
    assert time.monotonic() - started < 10, "the probe's files took 7-2,100 s"
    assert helped.messages, "another user's /bantuan was answered meanwhile"
    refusal = said(f"roster-problem-{issue}", limit=limit)
    assert reply.text.startswith(said("import-invalid", count=1) + f"\n• {refusal}\n\n")
    assert await fetch(schema, RosterEntry) == []


async def test_a_workbook_declaring_xml_entities_or_damaged_is_refused_as_unreadable(
    harness: BotHarness, people: People
) -> None:
    laughs = b'<!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
    table = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    in_strings = rebuilt({STRINGS: laughs + table + b"<si><t>&b;</t></si></sst>"})
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
    in_sheet = rebuilt(
        {SHEET: sheet("A1:A1", row).replace(b"<worksheet", laughs + b"<worksheet", 1)}
    )
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    whole = rebuilt({SHEET: sheet("A1:A1", b"<row>" + b"<c/>" * 20000 + b"</row>")})
    middle = len(whole) // 3
    damaged = whole[:middle] + bytes(64) + whole[middle + 64 :]
    for data in (in_strings, in_sheet, damaged):
        reply = await coordinator.send_document("psm.xlsx", XLSX, data=data)
        assert said("roster-problem-unreadable-workbook", line=1) in reply.text


async def test_a_csv_roster_over_the_row_limit_is_refused_naming_it(
    harness: BotHarness, people: People
) -> None:
    rows = [
        HEADER,
        *(["Ani", f"0812{n:08d}", "Sukarasa", "Tangerang", "psm"] for n in range(MAX_ROWS)),
    ]
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    reply = await coordinator.send_document("psm.csv", "text/csv", data=csv_file(rows))
    assert said("roster-problem-limit-rows", limit=MAX_ROWS) in reply.text


def test_reading_a_workbook_stops_at_its_time_limit() -> None:
    rows = [HEADER, *([f"PSM {n}", f"0813{n:08d}", "Sukarasa", "Tangerang"] for n in range(1500))]
    with pytest.raises(limits.OverLimit) as over:
        xlsx_as_csv(workbook(rows), Deadline.start(0))  # type: ignore[arg-type]
    assert over.value.problem.issue == Issue.LIMIT_TIME


async def test_a_file_over_5_mb_is_refused_before_it_is_downloaded(
    harness: BotHarness, people: People
) -> None:
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    reply = await coordinator.send_document("psm.csv", "text/csv", data=bytes(limits.MAX_BYTES + 1))
    assert reply.text.startswith(said("import-too-large", max=5))
    assert not [r for r in harness.telegram.requests if r.method == "getFile"]
