"""Import the roster of PSM and coordinators from CSV: all rows or none."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.roster_file import UnreadableRoster, check_cells, decode
from bot.privacy.audit import Audit, audit
from bot.reference.regions import Regions
from bot.runtime.spreadsheets import looks_like_formula
from storage.base import utcnow
from storage.people import Role, RosterEntry

# Headers are matched in Indonesian or English so a spreadsheet from either office works.
COLUMNS = {
    "nama": "name",
    "name": "name",
    "telepon": "phone",
    "hp": "phone",
    "phone": "phone",
    "kelurahan": "kelurahan",
    "kecamatan": "kecamatan",
    "peran": "role",
    "role": "role",
}
ROLES = {"psm": Role.PSM, "koordinator": Role.COORDINATOR, "coordinator": Role.COORDINATOR}


@dataclass
class RosterRow:
    line: int
    name: str
    phone: str
    role: Role
    kelurahan_code: str | None
    kecamatan_codes: list[str]


@dataclass
class RosterReport:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _parse_row(line: int, raw: dict[str, str], regions: Regions) -> RosterRow | str:
    name, phone_text = raw.get("name", "").strip(), raw.get("phone", "").strip()
    role = ROLES.get(raw.get("role", "psm").strip().lower() or "psm")
    if not name:
        return f"line {line}: name is empty"
    if role is None:
        return f"line {line}: role {raw.get('role')!r} is not psm or koordinator"
    try:
        phone = normalize_phone(phone_text)
    except InvalidPhone:
        return f"line {line}: phone {phone_text!r} is not a valid Indonesian number"
    kecamatan_names = [p.strip() for p in raw.get("kecamatan", "").split(";") if p.strip()]
    kecamatan = [regions.find_kecamatan(text) for text in kecamatan_names]
    if None in kecamatan:
        return f"line {line}: unknown kecamatan in {raw.get('kecamatan')!r}"
    kelurahan_text = raw.get("kelurahan", "").strip()
    scope = kecamatan[0] if len(kecamatan) == 1 else None
    kelurahan = regions.find_kelurahan(kelurahan_text, scope) if kelurahan_text else None
    if kelurahan_text and kelurahan is None:
        return f"line {line}: unknown kelurahan {kelurahan_text!r}"
    if role == Role.PSM and kelurahan is None:
        return f"line {line}: a PSM needs a kelurahan"
    if role == Role.COORDINATOR and not kecamatan:
        return f"line {line}: a coordinator needs one or more kecamatan (separate with ;)"
    codes = [kec.code for kec in kecamatan if kec is not None]
    return RosterRow(line, name, phone, role, kelurahan.code if kelurahan else None, codes)


def read_roster(path: Path, regions: Regions) -> RosterReport:
    """Parse and check every row, collecting all problems with their line numbers."""
    report = RosterReport()
    try:
        text = decode(path.read_bytes())
    except UnreadableRoster as unreadable:
        report.errors.append(str(unreadable))
        return report
    # Spreadsheets in Indonesian locales export with ';'; the header shows which one it is.
    delimiter = max(",;\t", key=text.partition("\n")[0].count)
    lines = _CountedLines(text)
    try:
        _read_rows(csv.DictReader(lines, delimiter=delimiter), regions, report)
    except csv.Error as error:
        report.errors.append(f"line {lines.count}: {_csv_problem(error)}")
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
    unknown = [h for h in reader.fieldnames or [] if h.strip().lower() not in COLUMNS]
    if unknown or not reader.fieldnames:
        report.errors.append(f"line 1: unknown columns {unknown}; expected {sorted(COLUMNS)}")
        return
    seen: dict[str, int] = {}
    for raw in reader:
        row = {COLUMNS[k.strip().lower()]: (v or "") for k, v in raw.items() if k}
        parsed = check_cells(reader.line_num, row) or _parse_row(reader.line_num, row, regions)
        if isinstance(parsed, str):
            report.errors.append(parsed)
        elif parsed.phone in seen:
            report.errors.append(f"line {parsed.line}: phone already on line {seen[parsed.phone]}")
        else:
            seen[parsed.phone] = parsed.line
            report.rows.append(parsed)
            if looks_like_formula(parsed.name):
                report.warnings.append(
                    f"line {parsed.line}: name {parsed.name!r} starts with "
                    f"{parsed.name[0]!r}, which spreadsheets run as a formula; "
                    "it is imported as typed and exported as text"
                )


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        # Almost always a quote opened and never closed, swallowing the rest of the file.
        return f"a cell is longer than {csv.field_size_limit()} characters (a quote not closed?)"
    return f"not valid CSV: {error}"


async def save_roster(session: AsyncSession, rows: list[RosterRow]) -> int:
    """Insert or update entries by phone; the caller's transaction makes it all-or-nothing."""
    for row in rows:
        entry = await session.scalar(select(RosterEntry).where(RosterEntry.phone == row.phone))
        if entry is None:
            entry = RosterEntry(phone=row.phone)
            session.add(entry)
        entry.full_name, entry.role = row.name, row.role
        entry.kelurahan_code, entry.kecamatan_codes = row.kelurahan_code, row.kecamatan_codes
    audit(session, Audit.ROSTER_IMPORT, at=utcnow(), rows=len(rows))
    return len(rows)
