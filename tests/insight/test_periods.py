"""Periods: the three buttons, typed dates in the ways people write them, and their buckets."""

from __future__ import annotations

from datetime import date

import pytest

from bot.insight.periods import BadPeriod, Period, Preset, parse_range, preset

TODAY = date(2026, 1, 15)


def test_buttons_mean_this_month_so_far_last_month_and_this_year() -> None:
    assert preset(Preset.THIS_MONTH, TODAY) == Period(date(2026, 1, 1), TODAY)
    assert preset(Preset.LAST_MONTH, TODAY) == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert preset(Preset.THIS_YEAR, TODAY) == Period(date(2026, 1, 1), TODAY)


@pytest.mark.parametrize(
    "typed",
    [
        "01-12-2025 s/d 31-12-2025",
        "1/12/2025 sd 31/12/2025",
        "01.12.2025 - 31.12.2025",
        " 1-12-2025 sampai 31-12-2025 ",
        "01-12-2025 S/D 31-12-2025",
    ],
)
def test_typed_dates_are_read_however_they_are_separated(typed: str) -> None:
    assert parse_range(typed, TODAY) == Period(date(2025, 12, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("Desember", "format"),
        ("30-02-2025 s/d 01-03-2025", "date"),
        ("31-12-2025 s/d 01-12-2025", "order"),
        ("01-02-2026 s/d 28-02-2026", "future"),
        ("01-01-2024 s/d 31-12-2025", "long"),
    ],
)
def test_dates_that_make_no_period_say_why(typed: str, reason: str) -> None:
    with pytest.raises(BadPeriod) as bad:
        parse_range(typed, TODAY)
    assert bad.value.reason == reason


def test_a_month_has_weekly_buckets_and_a_year_monthly_ones() -> None:
    october = Period(date(2026, 10, 1), date(2026, 10, 31))
    assert [b.first.day for b in october.buckets()] == [1, 8, 15, 22, 29]
    assert october.buckets()[-1].last == date(2026, 10, 31)
    year = Period(date(2026, 1, 1), date(2026, 11, 20))
    assert len(year.buckets()) == 11 and year.buckets()[-1] == Period(
        date(2026, 11, 1), date(2026, 11, 20)
    )
    assert Period.decode(october.encode()) == october
