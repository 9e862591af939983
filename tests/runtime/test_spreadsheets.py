"""Typed text in an export stays text: no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import pytest

from bot.runtime.spreadsheets import csv_cell


@pytest.mark.parametrize("typed", ["=1+1", "+62 812", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_would_run_get_a_leading_apostrophe(typed: str) -> None:
    assert csv_cell(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Siti Aminah", "TNG-2026-00001", "", 42, None])
def test_other_csv_cells_are_left_as_they_are(value: object) -> None:
    assert csv_cell(value) == value
