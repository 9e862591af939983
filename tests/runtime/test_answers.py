"""Typed answers: ages and birth dates the way PSM write them, and length bounds."""

from __future__ import annotations

from datetime import date

import pytest

from bot.runtime.answers import BadAnswer, age_or_birth_date, bounded_text, person_name

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("72", 72),
        ("72 tahun", 72),
        ("5 thn", 5),
        ("0", 0),
        ("sekitar 10 tahun", 10),
        ("10th", 10),
        ("umur 10", 10),
        ("Usia kira-kira 40an", 40),
    ],
)
def test_age_in_years_is_understood(text: str, age: int) -> None:
    assert age_or_birth_date(text, TODAY).age == age


@pytest.mark.parametrize(
    "text", ["12-03-1950", "12/3/1950", "12.03.1950", "12 Maret 1950", "lahir 12 mar 1950"]
)
def test_birth_date_is_understood(text: str) -> None:
    assert age_or_birth_date(text, TODAY).birth_date == date(1950, 3, 12)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tujuh puluh", "answer-age-format"),
        ("130", "answer-age-range"),
        ("31-02-1950", "answer-birth-invalid"),
        ("01-01-2030", "answer-birth-range"),
    ],
)
def test_bad_age_names_the_problem(text: str, key: str) -> None:
    with pytest.raises(BadAnswer) as caught:
        age_or_birth_date(text, TODAY)
    assert caught.value.key == key


def test_text_is_trimmed_and_bounded() -> None:
    assert bounded_text("  Jl.   Merdeka  5 ", (5, 300), "address") == "Jl. Merdeka 5"
    with pytest.raises(BadAnswer) as caught:
        bounded_text("x" * 301, (5, 300), "address")
    assert caught.value.key == "answer-address-long" and caught.value.args_["length"] == 301


def test_name_needs_letters() -> None:
    assert person_name("Mak Onah") == "Mak Onah"
    with pytest.raises(BadAnswer):
        person_name("123 456")
