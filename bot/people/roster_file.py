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

from storage.people import RosterEntry, User

SAVE_AS = "in Excel use Save As > CSV UTF-8 (Comma delimited)"


class UnreadableRoster(ValueError):
    """The file is not text in an encoding we accept; the message says where and what to do."""


def _column_length(model: Any, name: str) -> int:
    length = cast(String, model.__table__.c[name].type).length
    assert length is not None
    return length


# Raw cells are bounded too: a phone or a region name is short, and an unbounded cell is
# usually a quote left open that swallowed the following rows.
CELL_LENGTH = {
    "name": min(_column_length(RosterEntry, "full_name"), _column_length(User, "full_name")),
    "phone": 40,
    "kelurahan": 100,
    "kecamatan": 500,
    "role": 20,
}


def _line_of(data: bytes, position: int, encoding: str) -> int:
    return data[:position].decode(encoding, errors="replace").count("\n") + 1


def decode(data: bytes) -> str:
    """The file's text, from the encodings spreadsheets save CSV in."""
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableRoster(f"line 1: this is an Excel workbook, not a CSV file: {SAVE_AS}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            line = _line_of(data, error.start, "utf-16")
            raise UnreadableRoster(f"line {line}: broken UTF-16 text: {SAVE_AS}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if data.startswith(codecs.BOM_UTF8) or any(byte >= 0x80 for byte in data[: error.start]):
            # UTF-8 up to here, then something else: reading on as Windows-1252 would garble
            # the names before this point.
            line = _line_of(data, error.start, "utf-8")
            raise UnreadableRoster(
                f"line {line}: byte 0x{data[error.start]:02X} is not UTF-8, though the text "
                f"before it is: {SAVE_AS}"
            ) from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start, "cp1252")
        raise UnreadableRoster(
            f"line {line}: byte 0x{data[error.start]:02X} is not text in UTF-8, UTF-16 or "
            f"Windows-1252: {SAVE_AS}"
        ) from None


def check_cells(line: int, row: dict[str, str]) -> str | None:
    """The first problem with the row's cells (control characters, length), or None."""
    for column, value in row.items():
        control = next((ch for ch in value if unicodedata.category(ch) == "Cc"), None)
        if control is not None:
            return f"line {line}: {column} contains a control character (U+{ord(control):04X})"
        longest = CELL_LENGTH.get(column)
        if longest is not None and len(value.strip()) > longest:
            return (
                f"line {line}: {column} is {len(value.strip())} characters long; "
                f"at most {longest} fit"
            )
    return None
