"""NIK structure and Indonesian phone numbers, as PSM and coordinators type them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.cases.nik import InvalidNik, NikProblem, mask_nik, parse_nik
from bot.people.phone import InvalidPhone, normalize_phone

TODAY = date(2026, 11, 28)


def test_womans_nik_gives_birth_date_and_sex() -> None:
    info = parse_nik("3671015203500001", TODAY)
    assert (info.birth_date, info.sex) == (date(1950, 3, 12), "P")


def test_mans_nik_from_another_province_is_accepted() -> None:
    info = parse_nik("3201 0112 0815 0002", TODAY)
    assert (info.nik, info.birth_date, info.sex) == ("3201011208150002", date(2015, 8, 12), "L")


@pytest.mark.parametrize(
    ("nik", "problem"),
    [
        ("367101520350000", NikProblem.LENGTH),
        ("36710152035000012", NikProblem.LENGTH),
        ("36710152O3500001", NikProblem.LENGTH),
        ("9971015203500001", NikProblem.REGION),
        ("3600015203500001", NikProblem.REGION),
        ("3671003203500001", NikProblem.REGION),
        ("3671013213500001", NikProblem.DATE),
        ("3671017202500001", NikProblem.DATE),
        ("3671013102500001", NikProblem.DATE),
        ("3671015203500000", NikProblem.SERIAL),
    ],
)
def test_malformed_nik_names_its_problem(nik: str, problem: NikProblem) -> None:
    with pytest.raises(InvalidNik) as caught:
        parse_nik(nik, TODAY)
    assert caught.value.problem == problem


def test_two_digit_year_never_lands_in_the_future() -> None:
    assert parse_nik("3671011211270001", TODAY).birth_date == date(1927, 11, 12)
    assert parse_nik("3671011211260001", TODAY).birth_date == date(2026, 11, 12)


def test_masked_nik_hides_birth_date_and_serial() -> None:
    masked = mask_nik("3671015203500001")
    assert masked == "367101••••••••01" and "520350" not in masked


@pytest.mark.parametrize(
    "raw",
    ["081234567890", "+62 812-3456-7890", "6281234567890", "81234567890", "0812.3456.7890"],
)
def test_common_phone_formats_normalise_to_e164(raw: str) -> None:
    assert normalize_phone(raw) == "+6281234567890"


@pytest.mark.parametrize("raw", ["", "12345", "abc", "+1 202 555 01"])
def test_invalid_phone_is_refused(raw: str) -> None:
    with pytest.raises(InvalidPhone):
        normalize_phone(raw)
