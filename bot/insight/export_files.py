"""Export files written a batch at a time, split into parts that Telegram accepts from a bot.

XLSX uses openpyxl's write-only mode (rows go to a temporary file, not into memory); CSV is
written as it comes. Both run in a worker thread.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Telegram takes files up to 50 MB from bots; the rest is room for the multipart envelope.
UPLOAD_LIMIT = 48 * 1024 * 1024
# Compressed XLSX bytes per case row, with a wide margin (bench/insight.py measures ~110).
XLSX_ROW_BYTES = 400
COLUMN_WIDTH = 18


class ExportTooLarge(Exception):
    """A part came out above the upload limit despite the margin."""


class PartWriter(Protocol):
    def write(self, rows: Sequence[Sequence[object]]) -> None: ...
    def close(self) -> list[Path]: ...


def _part_path(folder: Path, stem: str, number: int, suffix: str) -> Path:
    return folder / f"{stem}-{number}{suffix}"


def _named(paths: list[Path], stem: str, suffix: str) -> list[Path]:
    """A file that did not need splitting loses its part number."""
    if len(paths) != 1:
        return paths
    return [paths[0].rename(paths[0].with_name(stem + suffix))]


class XlsxParts:
    """A new workbook every `limit // XLSX_ROW_BYTES` rows, each with the header row on a
    sheet named `title` (in the reader's language)."""

    def __init__(
        self, folder: Path, stem: str, header: list[str], limit: int = UPLOAD_LIMIT, *, title: str
    ):
        self._folder, self._stem, self._header, self._limit = folder, stem, header, limit
        self._title = title
        self._rows_per_part = max(limit // XLSX_ROW_BYTES, 1)
        self._paths: list[Path] = []
        self._book: Workbook | None = None
        self._sheet: WriteOnlyWorksheet | None = None
        self._rows = 0

    def _start(self) -> WriteOnlyWorksheet:
        # Here, not at the top: only an XLSX export needs openpyxl (and the numpy it loads).
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._book = Workbook(write_only=True)
        sheet: WriteOnlyWorksheet = self._book.create_sheet(self._title)
        sheet.freeze_panes = "A2"
        for number in range(1, len(self._header) + 1):
            # Write-only sheets do have column widths; openpyxl's type stubs miss them.
            widths = sheet.column_dimensions  # type: ignore[attr-defined]
            widths[get_column_letter(number)].width = COLUMN_WIDTH
        bold = Font(bold=True)
        cells = [WriteOnlyCell(sheet, value=title) for title in self._header]
        for cell in cells:
            cell.font = bold
        sheet.append(cells)
        self._sheet, self._rows = sheet, 0
        return sheet

    def _finish(self) -> None:
        if self._book is None:
            return
        path = _part_path(self._folder, self._stem, len(self._paths) + 1, ".xlsx")
        self._book.save(path)
        self._book = self._sheet = None
        if path.stat().st_size > self._limit:
            raise ExportTooLarge(path.name)
        self._paths.append(path)

    def write(self, rows: Sequence[Sequence[object]]) -> None:
        for row in rows:
            sheet = self._sheet
            if sheet is None or self._rows >= self._rows_per_part:
                self._finish()
                sheet = self._start()
            sheet.append(list(row))
            self._rows += 1

    def close(self) -> list[Path]:
        if self._book is None and not self._paths:
            self._start()
        self._finish()
        return _named(self._paths, self._stem, ".xlsx")


class CsvParts:
    """Semicolon-separated UTF-8 with a BOM (what Excel in Indonesia opens right); a new part
    starts before a row would take the file past `limit`."""

    def __init__(self, folder: Path, stem: str, header: list[str], limit: int = UPLOAD_LIMIT):
        self._folder, self._stem, self._header, self._limit = folder, stem, header, limit
        self._paths: list[Path] = []
        self._file: BinaryIO | None = None
        self._size = self._rows = 0
        self._line = io.StringIO()
        self._csv = csv.writer(self._line, delimiter=";")

    def _encode(self, row: Sequence[object]) -> bytes:
        self._line.seek(0)
        self._line.truncate()
        self._csv.writerow(["" if cell is None else cell for cell in row])
        return self._line.getvalue().encode("utf-8")

    def _start(self) -> BinaryIO:
        if self._file is not None:
            self._file.close()
        path = _part_path(self._folder, self._stem, len(self._paths) + 1, ".csv")
        self._paths.append(path)
        self._file = path.open("wb")
        head = "\ufeff".encode() + self._encode(self._header)
        self._file.write(head)
        self._size, self._rows = len(head), 0
        return self._file

    def write(self, rows: Sequence[Sequence[object]]) -> None:
        for row in rows:
            data = self._encode(row)
            file = self._file
            if file is None or (self._rows and self._size + len(data) > self._limit):
                file = self._start()
            file.write(data)
            self._size += len(data)
            self._rows += 1

    def close(self) -> list[Path]:
        if self._file is None:
            self._start()
        assert self._file is not None
        self._file.close()
        return _named(self._paths, self._stem, ".csv")
