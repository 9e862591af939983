"""Spreadsheets for exports, safe to open in Excel: text people typed never runs as a formula.

A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is taken
for a formula by Excel and LibreOffice: a name like `=HYPERLINK("http://...")` in an export
would become a live link, or worse. Every export puts its cells through one of these.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """For a CSV export: a leading apostrophe, which spreadsheets read as "this is text"."""
    return f"'{value}" if looks_like_formula(value) else value


def keep_as_text(sheet: Worksheet, min_row: int = 1) -> None:
    """For an XLSX export: cells that look like formulas stay text, shown exactly as typed."""
    for row in sheet.iter_rows(min_row=min_row):
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True  # and stay text when someone edits the cell in Excel


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]


def local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Excel has no time zones: wall-clock time where the users live."""
    return moment.astimezone(tz).replace(tzinfo=None) if moment else None


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """One .xlsx with a sheet each: a bold, frozen header row, then the rows as text and dates;
    widths fit the longest value."""
    # Here, not at the top: a bot start or a CSV export need not load openpyxl (and numpy).
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for number, sheet in enumerate(sheets, start=1):
        # Excel refuses sheet names over 31 characters or with []:*?/\ in them.
        title = "".join(c for c in sheet.title if c not in "[]:*?/\\")[:31] or str(number)
        page = book.create_sheet(title)
        page.append(list(sheet.header))
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append(list(row))
        keep_as_text(page, min_row=2)  # names and notes are typed by people
        for line in page.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, datetime):
                    cell.number_format = "DD-MM-YYYY HH:MM"
        page.freeze_panes = "A2"
        for column_number, column in enumerate(page.columns, start=1):
            longest = max(len(str(cell.value or "")) for cell in column)
            page.column_dimensions[get_column_letter(column_number)].width = min(longest + 2, 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
