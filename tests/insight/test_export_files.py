"""Export files stay under the upload limit by splitting, each part a complete file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from bot.insight.export_files import CsvParts, XlsxParts
from bot.runtime.spreadsheets import csv_cell

HEADER = ["Nomor", "Nama", "Catatan"]


def rows(count: int) -> list[list[object]]:
    return [[f"TNG-2026-{n:05d}", f"Warga {n}", "x" * 60] for n in range(count)]


def test_a_large_xlsx_export_is_split_into_parts_under_the_limit(tmp_path: Path) -> None:
    writer = XlsxParts(tmp_path, "rekap", HEADER, limit=20_000, title="Kasus")
    for start in range(0, 120, 25):
        writer.write(rows(120)[start : start + 25])
    parts = writer.close()
    assert [p.name for p in parts] == ["rekap-1.xlsx", "rekap-2.xlsx", "rekap-3.xlsx"]
    numbers = []
    for part in parts:
        assert part.stat().st_size <= 20_000
        header, *body = load_workbook(part).active.iter_rows(values_only=True)
        assert list(header) == HEADER
        numbers += [row[0] for row in body]
    assert numbers == [row[0] for row in rows(120)]


def test_a_large_csv_export_is_split_at_row_boundaries(tmp_path: Path) -> None:
    writer = CsvParts(tmp_path, "rekap", HEADER, limit=2_000)
    writer.write(rows(60))
    parts = writer.close()
    assert len(parts) > 1
    seen = []
    for part in parts:
        assert part.stat().st_size <= 2_000
        header, *body = csv.reader(io.StringIO(part.read_text("utf-8-sig")), delimiter=";")
        assert header == HEADER
        seen += [row[0] for row in body]
    assert seen == [row[0] for row in rows(60)]


def test_a_small_export_is_one_file_without_a_part_number(tmp_path: Path) -> None:
    writer = XlsxParts(tmp_path, "rekap", HEADER, title="Kasus")
    writer.write(rows(3))
    assert [p.name for p in writer.close()] == ["rekap.xlsx"]


def test_cells_a_spreadsheet_would_run_are_kept_as_text() -> None:
    for dangerous in ("=1+1", "+62812", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(dangerous) == "'" + dangerous
    assert csv_cell("Mak Onah") == "Mak Onah" and csv_cell(-3.5) == -3.5
