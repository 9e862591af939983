"""How much a roster file may hold, checked before the work it would cost.

A few kilobytes of .xlsx can declare a sheet of 16,384 columns, inflate to gigabytes, or hold
a million shared strings or empty rows; read naively, one such file held the bot's only
thread for minutes. Every bound here is far beyond a city's roster (Kota Tangerang has about
1,000 PSM) and is named to the coordinator when a file passes it.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from bot.people.roster_problems import Issue, RosterProblem

MAX_BYTES = 5 * 1024 * 1024  # the upload itself, CSV or XLSX
MAX_ROWS = 50_000  # lines or spreadsheet rows, the header included
MAX_COLUMNS = 26  # A to Z: the roster has five
MAX_CELLS = 500_000
MAX_PARTS = 200  # files inside the workbook's zip
MAX_INFLATED = 40 * 1024 * 1024  # all of them, inflated
MAX_STRINGS_BYTES = 16 * 1024 * 1024  # the shared strings table, inflated
MAX_STRINGS = 200_000
MAX_STYLES_BYTES = 2 * 1024 * 1024
MAX_SECONDS = 60.0
MEBIBYTE = 1024 * 1024


class OverLimit(ValueError):
    """The file passes one of the limits; its problem names it."""

    def __init__(self, issue: Issue, limit: int) -> None:
        super().__init__(issue)
        self.problem = RosterProblem(1, issue, {"limit": limit})


def check_parts(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose parts would inflate past the limits; zipfile never inflates a
    part past the size its directory declares, so the declared sizes bound the work."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise OverLimit(Issue.LIMIT_PARTS, MAX_PARTS)
    if sum(part.file_size for part in parts) > MAX_INFLATED:
        raise OverLimit(Issue.LIMIT_INFLATED, MAX_INFLATED // MEBIBYTE)
    for part in parts:
        name = part.filename.lower()
        if name.endswith("sharedstrings.xml") and part.file_size > MAX_STRINGS_BYTES:
            raise OverLimit(Issue.LIMIT_STRINGS, MAX_STRINGS)
        if name.endswith("styles.xml") and part.file_size > MAX_STYLES_BYTES:
            raise OverLimit(Issue.LIMIT_STYLES, MAX_STYLES_BYTES // MEBIBYTE)


def check_sheets(archive: zipfile.ZipFile) -> None:
    """Count the rows and cells of every sheet and the shared strings as they stream by,
    stopping at a limit: at load, openpyxl reads every string, and every sheet that declares
    no size, whole."""
    for part in archive.infolist():
        name = part.filename.lower()
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            counted = {"row": check_rows, "c": check_cells}
        elif name.endswith("sharedstrings.xml"):
            counted = {"si": check_strings}
        else:
            continue
        with archive.open(part) as stream:
            _scan(stream, _Counter(counted))


class _Counter:
    def __init__(self, checks: dict[str, Callable[[int], None]]) -> None:
        self.checks = checks
        self.counts = dict.fromkeys(checks, 0)

    def start(self, name: str, _attributes: Any) -> None:
        tag = name.rpartition(" ")[2]
        if tag in self.checks:
            self.counts[tag] += 1
            self.checks[tag](self.counts[tag])


def _no_doctype(*_: Any) -> None:
    # No DTD, so no entity can expand (openpyxl's own parsing refuses them through defusedxml).
    raise ValueError("a DTD in a workbook")


def _scan(stream: Any, counter: _Counter) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = counter.start
    parser.StartDoctypeDeclHandler = _no_doctype
    try:
        while chunk := stream.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise ValueError(str(error)) from None


def check_strings(count: int) -> None:
    if count > MAX_STRINGS:
        raise OverLimit(Issue.LIMIT_STRINGS, MAX_STRINGS)


def check_dimension(rows: int | None, columns: int | None) -> None:
    """Refuse a sheet whose declared size passes the limits, before reading a row of it."""
    check_rows(rows or 0)
    if (columns or 0) > MAX_COLUMNS:
        raise OverLimit(Issue.LIMIT_COLUMNS, MAX_COLUMNS)
    check_cells((rows or 0) * (columns or 0))


def check_cells(cells: int) -> None:
    if cells > MAX_CELLS:
        raise OverLimit(Issue.LIMIT_CELLS, MAX_CELLS)


def check_rows(rows: int) -> None:
    if rows > MAX_ROWS:
        raise OverLimit(Issue.LIMIT_ROWS, MAX_ROWS)


@dataclass
class Deadline:
    """Wall time for reading one file, checked as rows go by."""

    until: float
    seconds: float

    @classmethod
    def start(cls, seconds: float = MAX_SECONDS) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    def check(self) -> None:
        if time.monotonic() > self.until:
            raise OverLimit(Issue.LIMIT_TIME, round(self.seconds))
