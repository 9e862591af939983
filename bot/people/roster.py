"""Import the roster of PSM and coordinators from CSV: every row checked before any is saved."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.roster_file import UnreadableRoster, check_cells, decode
from bot.people.roster_limits import MAX_ROWS, OverLimit
from bot.people.roster_problems import Cell, Column, Issue, RosterProblem
from bot.privacy.audit import Audit, audit
from bot.reference.regions import Regions
from bot.runtime.spreadsheets import looks_like_formula
from storage.people import Role, RosterEntry

# Headers are matched in Indonesian or English so a spreadsheet from either office works.
COLUMNS = {
    "nama": Column.NAME,
    "name": Column.NAME,
    "telepon": Column.PHONE,
    "hp": Column.PHONE,
    "phone": Column.PHONE,
    "kelurahan": Column.KELURAHAN,
    "kecamatan": Column.KECAMATAN,
    "peran": Column.ROLE,
    "role": Column.ROLE,
}
# Rows per statement and per transaction: other writers wait for one batch at most, and no
# statement's parameters grow with the file (asyncpg takes at most 32,767).
BATCH = 500
T = TypeVar("T")
ROLES = {"psm": Role.PSM, "koordinator": Role.COORDINATOR, "coordinator": Role.COORDINATOR}


@dataclass
class RosterRow:
    line: int
    name: str
    phone: str
    role: Role
    kelurahan_code: str | None
    kecamatan_codes: list[str]


def rows_as_text(rows: Sequence[RosterRow]) -> str:
    """Checked rows as one JSON text, for a draft: 40,000 rows as dataclasses took the loop
    20 s to copy each time the draft was saved; one string is copied by reference."""
    values = [
        (row.line, row.name, row.phone, row.role, row.kelurahan_code, row.kecamatan_codes)
        for row in rows
    ]
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def rows_from_text(text: str) -> list[RosterRow]:
    return [
        RosterRow(line, name, phone, Role(role), kelurahan, kecamatan)
        for line, name, phone, role, kelurahan, kecamatan in json.loads(text or "[]")
    ]


@dataclass
class RosterReport:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)


def _parse_row(line: int, raw: dict[Column, str], regions: Regions) -> RosterRow | RosterProblem:
    name, phone_text = raw.get(Column.NAME, "").strip(), raw.get(Column.PHONE, "").strip()
    role_text = raw.get(Column.ROLE, "psm")
    role = ROLES.get(role_text.strip().lower() or "psm")
    if not name:
        return RosterProblem(line, Issue.NAME_EMPTY)
    if role is None:
        return RosterProblem(line, Issue.ROLE_UNKNOWN, {"role": Cell(role_text)})
    try:
        phone = normalize_phone(phone_text)
    except InvalidPhone:
        return RosterProblem(line, Issue.PHONE_INVALID, {"phone": Cell(phone_text)})
    kecamatan_text = raw.get(Column.KECAMATAN, "")
    kecamatan_names = [p.strip() for p in kecamatan_text.split(";") if p.strip()]
    kecamatan = [regions.find_kecamatan(text) for text in kecamatan_names]
    if None in kecamatan:
        return RosterProblem(line, Issue.KECAMATAN_UNKNOWN, {"kecamatan": Cell(kecamatan_text)})
    kelurahan_text = raw.get(Column.KELURAHAN, "").strip()
    scope = kecamatan[0] if len(kecamatan) == 1 else None
    kelurahan = regions.find_kelurahan(kelurahan_text, scope) if kelurahan_text else None
    if kelurahan_text and kelurahan is None:
        return RosterProblem(line, Issue.KELURAHAN_UNKNOWN, {"kelurahan": Cell(kelurahan_text)})
    if role == Role.PSM and kelurahan is None:
        return RosterProblem(line, Issue.PSM_WITHOUT_KELURAHAN)
    if role == Role.COORDINATOR and not kecamatan:
        return RosterProblem(line, Issue.COORDINATOR_WITHOUT_KECAMATAN)
    codes = [kec.code for kec in kecamatan if kec is not None]
    return RosterRow(line, name, phone, role, kelurahan.code if kelurahan else None, codes)


def read_roster(path: Path, regions: Regions) -> RosterReport:
    """Parse and check every row of a CSV file, collecting all problems with line numbers."""
    return read_roster_data(path.read_bytes(), regions)


def read_roster_data(data: bytes, regions: Regions) -> RosterReport:
    """Parse and check every row of a CSV file's content (an upload), as `read_roster`."""
    report = RosterReport()
    try:
        text = decode(data)
    except UnreadableRoster as unreadable:
        report.errors.append(unreadable.problem)
        return report
    if text.count("\n") + (not text.endswith("\n")) > MAX_ROWS:
        report.errors.append(OverLimit(Issue.LIMIT_ROWS, MAX_ROWS).problem)
        return report
    # Spreadsheets in Indonesian locales export with ';'; the header shows which one it is.
    delimiter = max(",;\t", key=text.partition("\n")[0].count)
    lines = _CountedLines(text)
    try:
        _read_rows(csv.DictReader(lines, delimiter=delimiter), regions, report)
    except csv.Error as error:
        report.errors.append(_csv_problem(lines.count, error))
    return report


class _CountedLines:
    """The file's lines, counted as csv reads them: its own line_num lags on some errors."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.count = 0

    def __iter__(self) -> _CountedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        return line


def _read_rows(reader: csv.DictReader[str], regions: Regions, report: RosterReport) -> None:
    expected = ", ".join(sorted(COLUMNS))
    if not reader.fieldnames:
        report.errors.append(RosterProblem(1, Issue.NO_HEADER, {"expected": expected}))
        return
    unknown = [h for h in reader.fieldnames if h.strip().lower() not in COLUMNS]
    if unknown:
        args = {"unknown": Cell(", ".join(unknown)), "expected": expected}
        report.errors.append(RosterProblem(1, Issue.UNKNOWN_COLUMNS, args))
        return
    seen: dict[str, int] = {}
    for raw in reader:
        row = {COLUMNS[k.strip().lower()]: (v or "") for k, v in raw.items() if k}
        parsed = check_cells(reader.line_num, row) or _parse_row(reader.line_num, row, regions)
        if isinstance(parsed, RosterProblem):
            report.errors.append(parsed)
        elif parsed.phone in seen:
            first = str(seen[parsed.phone])
            report.errors.append(RosterProblem(parsed.line, Issue.PHONE_REPEATED, {"first": first}))
        else:
            seen[parsed.phone] = parsed.line
            report.rows.append(parsed)
            if looks_like_formula(parsed.name):
                args = {"name": Cell(parsed.name), "char": parsed.name[0]}
                report.warnings.append(RosterProblem(parsed.line, Issue.FORMULA, args))


def _csv_problem(line: int, error: csv.Error) -> RosterProblem:
    if "field larger than field limit" in str(error):
        # Almost always a quote opened and never closed, swallowing the rest of the file.
        limit = str(csv.field_size_limit())  # plain digits, as line numbers: "131072"
        return RosterProblem(line, Issue.QUOTE_NOT_CLOSED, {"limit": limit})
    return RosterProblem(line, Issue.NOT_CSV, {"detail": str(error)})


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    """`items` in slices of `size`: bounded statements and short transactions."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def save_entries(session: AsyncSession, rows: Sequence[RosterRow], now: datetime) -> None:
    """Insert or update entries by phone, a statement per change kind and batch, never one
    per row (a SELECT per row held SQLite's writer for 13-19 s over 10,000 rows)."""
    for batch in batches(rows):
        phones = [row.phone for row in batch]
        query = select(RosterEntry).where(RosterEntry.phone.in_(phones))
        known = {entry.phone: entry for entry in await session.scalars(query)}
        new = [_values(row) | {"imported_at": now} for row in batch if row.phone not in known]
        changed = [
            _values(row) | {"id": known[row.phone].id}
            for row in batch
            if row.phone in known and _stored(known[row.phone]) != _values(row)
        ]
        if new:
            await session.execute(insert(RosterEntry), new)
        if changed:
            await session.execute(update(RosterEntry), changed)


ENTRY_FIELDS = ("phone", "full_name", "role", "kelurahan_code", "kecamatan_codes")


def _values(row: RosterRow) -> dict[str, object]:
    return {
        "phone": row.phone,
        "full_name": row.name,
        "role": row.role,
        "kelurahan_code": row.kelurahan_code,
        "kecamatan_codes": row.kecamatan_codes,
    }


def _stored(entry: RosterEntry) -> dict[str, object]:
    return {key: getattr(entry, key) for key in ENTRY_FIELDS}


async def save_roster(session: AsyncSession, rows: list[RosterRow], now: datetime) -> int:
    """Insert or update entries by phone; the caller's transaction makes it all-or-nothing."""
    await save_entries(session, rows, now)
    audit(session, Audit.ROSTER_IMPORT, at=now, rows=len(rows))
    return len(rows)
