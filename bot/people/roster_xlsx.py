"""Rosters saved from Excel as .xlsx, read by the same rules as CSV (bot/people/roster.py).

The first sheet is turned into CSV text, one line per spreadsheet row so line numbers in
problems are the row numbers Excel shows, and handed to `read_roster`. The limits of
roster_limits.py are checked from the zip directory and the sheet's declared size before any
row is read, and again as rows go by (a declared size may lie). openpyxl parses through
defusedxml, so a part declaring XML entities is refused as unreadable. CPU-bound: callers on
the event loop run `read_roster_bytes` in a thread.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.people import roster_limits as limits
from bot.people.roster import RosterReport, read_roster, read_roster_data
from bot.people.roster_limits import Deadline, OverLimit
from bot.people.roster_problems import Issue, RosterProblem
from bot.reference.regions import Regions

XLSX = ".xlsx"


class UnreadableWorkbook(ValueError):
    pass


# What a damaged or forged workbook raises, from zipfile, zlib, openpyxl and the XML parsers
# (defusedxml refusing entities raises a ValueError).
BROKEN: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    ValueError,
    SyntaxError,
)


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


def xlsx_as_csv(data: bytes, deadline: Deadline | None = None) -> str:
    """The first sheet of a workbook as CSV text, blank rows kept as blank lines; OverLimit
    when it passes a limit, UnreadableWorkbook when it is no workbook."""
    # Here, not at the top: a bot start need not load openpyxl (and numpy) for a rare upload.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    broken: tuple[type[Exception], ...] = (InvalidFileException, *BROKEN)
    deadline = deadline or Deadline.start()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_parts(archive)
            limits.check_sheets(archive)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except OverLimit:
        raise
    except broken as exc:
        raise UnreadableWorkbook(str(exc)) from None
    try:
        sheet = workbook.worksheets[0]
        limits.check_dimension(sheet.max_row, sheet.max_column)
        return _as_csv(sheet, deadline)
    except OverLimit:
        raise
    except broken as exc:
        raise UnreadableWorkbook(str(exc)) from None
    finally:
        workbook.close()


def _as_csv(sheet: Any, deadline: Deadline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # One row and one column past the limits, to tell a file that passes them.
    rows = sheet.iter_rows(
        max_row=limits.MAX_ROWS + 1, max_col=limits.MAX_COLUMNS + 1, values_only=True
    )
    cells = 0
    for number, values in enumerate(rows, start=1):
        # openpyxl yields a row past the limit only if the sheet has one, empty or not.
        limits.check_rows(number)
        if number % 1000 == 0:
            deadline.check()
        texts = [_cell(v) for v in values]
        while texts and not texts[-1]:
            texts.pop()
        limits.check_dimension(None, len(texts))
        cells += len(texts)
        limits.check_cells(cells)
        writer.writerow(texts)
    return out.getvalue()


def read_roster_bytes(data: bytes, name: str, regions: Regions) -> RosterReport:
    """Check a roster file's content: .xlsx by its name, otherwise CSV."""
    if name.lower().endswith(XLSX):
        try:
            data = xlsx_as_csv(data).encode("utf-8")
        except UnreadableWorkbook:
            return RosterReport(errors=[RosterProblem(1, Issue.UNREADABLE_WORKBOOK)])
        except OverLimit as over:
            return RosterReport(errors=[over.problem])
    return read_roster_data(data, regions)


def read_roster_file(path: Path, regions: Regions) -> RosterReport:
    """`read_roster`, for .xlsx workbooks too."""
    if path.suffix.lower() == XLSX:
        return read_roster_bytes(path.read_bytes(), path.name, regions)
    return read_roster(path, regions)
