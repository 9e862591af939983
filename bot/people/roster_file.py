"""Reading a roster file as Excel and LibreOffice save it, and bounding what each cell may hold.

Accepted: UTF-8 with or without BOM ("CSV UTF-8"), UTF-16 with BOM ("Unicode Text") and
Windows-1252 (Excel's plain "CSV" on Windows in Indonesia). Cells are checked against the
columns they will be stored in, so SQLite (which does not enforce lengths) and PostgreSQL
(which does, and refuses NUL) give the same line-numbered error before anything is written.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Any, cast

from sqlalchemy import String

from bot.people.roster_problems import Column, Issue, RosterProblem
from storage.people import RosterEntry, User


class UnreadableRoster(ValueError):
    """The file is not text in an encoding we accept; its problem says where and what to do."""

    def __init__(self, problem: RosterProblem) -> None:
        super().__init__(problem.issue)
        self.problem = problem


def _column_length(model: Any, name: str) -> int:
    length = cast(String, model.__table__.c[name].type).length
    assert length is not None
    return length


# Raw cells are bounded too: a phone or a region name is short, and an unbounded cell is
# usually a quote left open that swallowed the following rows.
CELL_LENGTH = {
    Column.NAME: min(_column_length(RosterEntry, "full_name"), _column_length(User, "full_name")),
    Column.PHONE: 40,
    Column.KELURAHAN: 100,
    Column.KECAMATAN: 500,
    Column.ROLE: 20,
}


def _line_of(data: bytes, position: int, encoding: str) -> int:
    return data[:position].decode(encoding, errors="replace").count("\n") + 1


def _unreadable(issue: Issue, data: bytes, position: int, encoding: str) -> UnreadableRoster:
    line = _line_of(data, position, encoding)
    return UnreadableRoster(RosterProblem(line, issue, {"byte": f"{data[position]:02X}"}))


def decode(data: bytes) -> str:
    """The file's text, from the encodings spreadsheets save CSV in."""
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableRoster(RosterProblem(1, Issue.WORKBOOK_AS_CSV))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            line = _line_of(data, error.start, "utf-16")
            raise UnreadableRoster(RosterProblem(line, Issue.BROKEN_UTF16)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if data.startswith(codecs.BOM_UTF8) or any(byte >= 0x80 for byte in data[: error.start]):
            # UTF-8 up to here, then something else: reading on as Windows-1252 would garble
            # the names before this point.
            raise _unreadable(Issue.MIXED_ENCODINGS, data, error.start, "utf-8") from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise _unreadable(Issue.NOT_TEXT, data, error.start, "cp1252") from None


def check_cells(line: int, row: dict[Column, str]) -> RosterProblem | None:
    """The first problem with the row's cells (control characters, length), or None."""
    for column, value in row.items():
        control = next((ch for ch in value if unicodedata.category(ch) == "Cc"), None)
        if control is not None:
            code = f"{ord(control):04X}"
            return RosterProblem(line, Issue.CONTROL_CHARACTER, {"column": column, "code": code})
        longest, length = CELL_LENGTH[column], len(value.strip())
        if length > longest:
            return RosterProblem(
                line, Issue.TOO_LONG, {"column": column, "length": length, "limit": longest}
            )
    return None
