"""Rosters saved from Excel as .xlsx, read by the same rules as CSV (bot/people/roster.py).

The first sheet is turned into CSV text, one line per spreadsheet row so line numbers in
problems are the row numbers Excel shows, and handed to `read_roster`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from bot.people.roster import RosterReport, read_roster, read_roster_data
from bot.people.roster_problems import Issue, RosterProblem
from bot.reference.regions import Regions

XLSX = ".xlsx"


class UnreadableWorkbook(ValueError):
    pass


def _cell(value: object) -> str:
    """A cell as the text it shows; numbers typed as numbers (phones!) lose no digit."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return " ".join(str(value).splitlines())


def xlsx_as_csv(data: bytes) -> str:
    """The first sheet of a workbook as CSV text, blank rows kept as blank lines."""
    # Here, not at the top: a bot start need not load openpyxl (and numpy) for a rare upload.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableWorkbook(str(exc)) from None
    try:
        sheet = workbook.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for values in sheet.iter_rows(values_only=True):
            cells = [_cell(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            writer.writerow(cells)
        return out.getvalue()
    finally:
        workbook.close()


def read_roster_bytes(data: bytes, name: str, regions: Regions) -> RosterReport:
    """Check a roster file's content: .xlsx by its name, otherwise CSV."""
    if name.lower().endswith(XLSX):
        try:
            data = xlsx_as_csv(data).encode("utf-8")
        except UnreadableWorkbook:
            return RosterReport(errors=[RosterProblem(1, Issue.UNREADABLE_WORKBOOK)])
    return read_roster_data(data, regions)


def read_roster_file(path: Path, regions: Regions) -> RosterReport:
    """`read_roster`, for .xlsx workbooks too."""
    if path.suffix.lower() == XLSX:
        return read_roster_bytes(path.read_bytes(), path.name, regions)
    return read_roster(path, regions)
