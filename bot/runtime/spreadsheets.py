"""Text people typed, written into spreadsheets as text: never run as a formula.

A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is taken
for a formula by Excel and LibreOffice: a name like `=HYPERLINK("http://...")` in an export
would become a live link, or worse. Every export puts its cells through one of these.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """For a CSV export: a leading apostrophe, which spreadsheets read as "this is text"."""
    return f"'{value}" if looks_like_formula(value) else value


def keep_as_text(sheet: Worksheet, min_row: int = 1) -> None:
    """For an XLSX export: cells that look like formulas stay text, shown exactly as typed."""
    for row in sheet.iter_rows(min_row=min_row):
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True  # and stay text when someone edits the cell in Excel
