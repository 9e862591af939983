"""Spreadsheets for exports: sheets of rows under a bold header, safe to open in Excel."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bot.runtime.spreadsheets import keep_as_text


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]


def local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Excel has no time zones: wall-clock time where the users live."""
    return moment.astimezone(tz).replace(tzinfo=None) if moment else None


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """One .xlsx with a sheet each; typed texts never run as formulas."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for sheet in sheets:
        page = book.create_sheet("".join(c for c in sheet.title if c not in "[]:*?/\\")[:31])
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
        for number, column in enumerate(page.columns, start=1):
            longest = max(len(str(cell.value or "")) for cell in column)
            page.column_dimensions[get_column_letter(number)].width = min(longest + 2, 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
