"""Typed answers read as people write them: moments against the clock's today, button labels."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.runtime.choices import pick
from bot.runtime.typed_moments import read_moment

JAKARTA = ZoneInfo("Asia/Jakarta")
# A Friday morning; nothing here depends on the real date.
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("15-12-2026 09:00", (2026, 12, 15, 9, 0)),
        ("10/12 jam 9", (2026, 12, 10, 9, 0)),
        ("Kamis 10 Desember 09.00", (2026, 12, 10, 9, 0)),
        ("besok jam 2 siang", (2026, 12, 5, 14, 0)),
        ("lusa 19.30", (2026, 12, 6, 19, 30)),
        ("Sabtu jam 8 pagi", (2026, 12, 5, 8, 0)),
        ("jam 7 malam", (2026, 12, 4, 19, 0)),
        ("3/1 jam 10", (2027, 1, 3, 10, 0)),  # January has passed this year: the next one
        ("jam 11 siang", (2026, 12, 4, 11, 0)),
        ("Jumat, 11 Des 2026 pukul 13.00 WIB", (2026, 12, 11, 13, 0)),
    ],
)
def test_a_typed_moment_is_read_in_the_deployment_zone(typed: str, moment: tuple[int, ...]) -> None:
    assert read_moment(typed, NOW, JAKARTA) == datetime(*moment, tzinfo=JAKARTA)


@pytest.mark.parametrize("typed", ["besok pagi", "10 12", "halo", "10 Desember"])
def test_text_that_names_no_moment_is_not_one(typed: str) -> None:
    assert read_moment(typed, NOW, JAKARTA) is None


@pytest.mark.parametrize("typed", ["31/02 jam 9", "10/12 jam 25"])
def test_a_date_or_hour_that_does_not_exist_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        read_moment(typed, NOW, JAKARTA)


URGENCY = ["🔴 Darurat", "🟠 Tinggi", "🟡 Sedang", "🟢 Rendah"]


@pytest.mark.parametrize(
    ("typed", "labels", "found"),
    [
        ("darurat", URGENCY, [0]),
        ("TING", URGENCY, [1]),
        ("L", ["Laki-laki", "Perempuan"], [0]),
        ("cewek", ["Laki-laki", "Perempuan"], [1]),
        ("nggak", ["Ya, batalkan", "Tidak, lanjutkan"], [1]),
        ("iya", ["Ya, batalkan", "Tidak, lanjutkan"], [0]),
        ("cipondoh", ["Cipondoh", "Cipondoh Makmur"], [0]),
        ("ci", ["Ciledug", "Cipondoh"], [0, 1]),
        ("hilang", ["Belum punya NIK", "KTP/KK hilang"], [1]),
        ("entah", URGENCY, []),
    ],
)
def test_a_typed_label_names_the_choices_it_fits(
    typed: str, labels: list[str], found: list[int]
) -> None:
    assert pick(typed, labels) == found
