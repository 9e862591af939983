"""Checks for typed answers; each failure names a catalog text that explains it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.runtime.typed_moments import MONTHS

NAME_LENGTH = (2, 100)
REASON_LENGTH = (3, 200)
ADDRESS_LENGTH = (5, 300)
# Long enough to say what happened; short enough that the review fits one Telegram message.
DESCRIPTION_LENGTH = (10, 1500)
MAX_AGE = 120


class BadAnswer(ValueError):
    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key, self.args_ = key, args


# Control characters other than tab and newline: Telegram passes them through, they mean
# nothing in a name or an address, and PostgreSQL refuses NUL in text (a report holding one
# could never be saved).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """The text without control characters (tabs and line breaks stay)."""
    return _CONTROL.sub("", text)


def bounded_text(text: str, bounds: tuple[int, int], what: str) -> str:
    """Clean, trim and check length; `what` picks the catalog texts answer-{what}-short/long."""
    cleaned = re.sub(r"[ \t]+", " ", clean_text(text)).strip()
    low, high = bounds
    if len(cleaned) < low:
        raise BadAnswer(f"answer-{what}-short", min=low)
    if len(cleaned) > high:
        raise BadAnswer(f"answer-{what}-long", max=high, length=len(cleaned))
    return cleaned


def person_name(text: str) -> str:
    name = bounded_text(text, NAME_LENGTH, "name")
    if not re.search(r"[^\W\d_]", name):
        raise BadAnswer("answer-name-letters")
    return name


@dataclass(frozen=True)
class AgeAnswer:
    age: int | None
    birth_date: date | None


# Words around an age that say it is a guess or what it is: "sekitar 10 tahun", "umur 10".
_ABOUT = re.compile(
    r"^(?:(?:sekitar|kira[- ]?kira|kira2|kurang lebih|kurleb|umur(?:nya)?|usia(?:nya)?"
    r"|about|age|[±~])\s*)+"
)
_YEARS = re.compile(r"(\d{1,3})(?:\s*an)?\s*(?:th|thn|tahun(?:an)?|years?(?: old)?|yo|y)?\.?")


def age_or_birth_date(text: str, today: date) -> AgeAnswer:
    """Accept an age in years ("72", "72 tahun", "sekitar 10 thn", "umur 10") or a birth date
    (12-03-1950, 12/3/1950, 12 Maret 1950)."""
    cleaned = _ABOUT.sub("", " ".join(text.lower().split()))
    if match := _YEARS.fullmatch(cleaned):
        age = int(match.group(1))
        if age > MAX_AGE:
            raise BadAnswer("answer-age-range", max=MAX_AGE)
        return AgeAnswer(age, None)
    cleaned = re.sub(r"^(?:lahir|tgl|tanggal)\.?\s*", "", cleaned)
    if match := re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2}|[a-z]+)\.?[-/. ](\d{4})", cleaned):
        day, year = int(match.group(1)), int(match.group(3))
        part = match.group(2)
        month = int(part) if part.isdigit() else MONTHS.get(part, 0)
        try:
            born = date(year, month, day)
        except ValueError:
            raise BadAnswer("answer-birth-invalid") from None
        if born > today or years_between(born, today) > MAX_AGE:
            raise BadAnswer("answer-birth-range", max=MAX_AGE)
        return AgeAnswer(None, born)
    raise BadAnswer("answer-age-format")


def years_between(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
