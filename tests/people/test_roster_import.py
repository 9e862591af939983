"""Roster files as offices really save them: every Excel encoding, hostile cells, formulas."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bot.people.roster import read_roster
from bot.people.roster_problems import RosterProblem, in_plain_words
from bot.reference.regions import Regions, load_regions
from bot.runtime.settings import BUNDLED_DATA
from bot.runtime.texts import Texts
from storage.people import RosterEntry
from tests.cli import run_cli
from tests.factories import fetch

HEADER = "Nama;Telepon;Kelurahan;Peran\r\n"
ROWS = "Siti Aminah Rosé;0812-3456-7890;Sukarasa;psm\r\nDédé Sunarya;085711112222;Babakan;psm\r\n"


@pytest.fixture(scope="module")
def regions() -> Regions:
    return load_regions(BUNDLED_DATA / "kota_tangerang_wilayah.csv")


def roster(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    return path


def english(problems: list[RosterProblem]) -> list[str]:
    """The problems as `psm-bot import-roster` prints them."""
    return [in_plain_words(problem, Texts(), "en") for problem in problems]


@pytest.mark.parametrize(
    "data",
    [
        (HEADER + ROWS).encode("utf-8"),
        (HEADER + ROWS).encode("utf-8-sig"),
        (HEADER + ROWS).encode("utf-16"),  # Excel's "Unicode Text": BOM, little-endian
        codecs.BOM_UTF16_BE + (HEADER + ROWS).encode("utf-16-be"),
        (HEADER + ROWS).encode("cp1252"),  # Excel's plain "CSV" on Windows
        (HEADER + ROWS).encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "windows-1252", "latin-1"],
)
def test_every_encoding_excel_saves_in_is_read(
    tmp_path: Path, regions: Regions, data: bytes
) -> None:
    report = read_roster(roster(tmp_path, data), regions)
    assert report.errors == []
    assert [row.name for row in report.rows] == ["Siti Aminah Rosé", "Dédé Sunarya"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            (HEADER + ROWS).encode("cp1252") + b"Ani;0813;Sukarasa;psm\r\n" + b"\x81",
            "line 5: byte 0x81 is not text in UTF-8, UTF-16 or Windows-1252",
        ),
        (
            (HEADER + ROWS).encode("utf-8") + "Rosé".encode("cp1252"),
            "line 4: byte 0xE9 is not UTF-8, though the text before it is",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00", "line 1: this is an Excel workbook, not a CSV file"),
    ],
    ids=["undefined-byte", "mixed-encodings", "xlsx"],
)
def test_unreadable_file_says_where_and_which_encoding_is_needed(
    tmp_path: Path, regions: Regions, data: bytes, problem: str
) -> None:
    report = read_roster(roster(tmp_path, data), regions)
    [error] = english(report.errors)
    assert error.startswith(problem) and "CSV UTF-8" in error
    assert report.rows == []


def test_hostile_cells_are_refused_with_their_line_numbers(
    tmp_path: Path, regions: Regions
) -> None:
    data = (
        HEADER
        + "A" * 300 + ";081211110001;Sukarasa;psm\r\n"
        + "Ani\x00;081211110002;Sukarasa;psm\r\n"
        + "Budi\x1b[31m;081211110003;Sukarasa;psm\r\n"
        + '"Cici\nDua Baris";081211110004;Sukarasa;psm\r\n'
        + "Dodi;081211110005;" + "Sukarasa" * 40 + ";psm\r\n"
    )  # fmt: skip
    report = read_roster(roster(tmp_path, data.encode()), regions)
    assert english(report.errors) == [
        "line 2: name is 300 characters long; at most 120 fit",
        "line 3: name contains a control character (U+0000)",
        "line 4: name contains a control character (U+001B)",
        "line 6: name contains a control character (U+000A)",
        "line 7: kelurahan is 320 characters long; at most 100 fit",
    ]


def test_a_cell_over_the_csv_limit_is_an_error_not_a_traceback(
    tmp_path: Path, regions: Regions
) -> None:
    data = HEADER + "Ani;081211110002;Sukarasa;psm\r\n" + '"' + "x" * 200_000 + "\r\n"
    [error] = english(read_roster(roster(tmp_path, data.encode()), regions).errors)
    assert error.startswith("line 3: a cell is longer than 131072 characters")


def test_names_that_spreadsheets_would_run_are_imported_with_a_warning(
    tmp_path: Path, regions: Regions
) -> None:
    data = HEADER + '=HYPERLINK("http://x");081211110001;Sukarasa;psm\r\n' + ROWS
    report = read_roster(roster(tmp_path, data.encode()), regions)
    assert report.errors == [] and len(report.rows) == 3
    [warning] = english(report.warnings)
    assert warning.startswith("line 2: name '=HYPERLINK(\"http://x\")' starts with '='")


@pytest.mark.process
async def test_import_of_a_hostile_file_stops_alike_on_every_database(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    data = (
        HEADER + "B" * 121 + ";081211110001;Sukarasa;psm\r\nAni\x00;081211110002;Sukarasa;psm\r\n"
    )
    path = roster(tmp_path, data.encode("utf-16"))
    done = await run_cli(tmp_path, "import-roster", str(path), DATABASE_URL=database_url)
    assert done.code == 1 and "Traceback" not in done.stderr
    assert "line 2: name is 121 characters long" in done.stderr
    assert "line 3: name contains a control character (U+0000)" in done.stderr
    assert await fetch(database_url, RosterEntry) == []

    path.write_bytes((HEADER + "@Ani;081211110002;Sukarasa;psm\r\n").encode("cp1252"))
    done = await run_cli(tmp_path, "import-roster", str(path), DATABASE_URL=database_url)
    assert done.code == 0 and "warning:" in done.stderr and "starts with '@'" in done.stderr
    [entry] = await fetch(database_url, RosterEntry)
    assert entry.full_name == "@Ani"
