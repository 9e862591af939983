"""Reporting periods: this month, last month, this year, or typed dates, and their buckets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.runtime.clock import on_calendar

# Longer periods would need too many buckets for a phone screen and too much work per tap.
LONGEST = timedelta(days=366)
# Up to this many days the new/closed chart has a bar pair per week, beyond it per month.
WEEKLY_UP_TO = 62

_DATE = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"
_UNTIL = r"(?:s/d|s\.d\.?|sd|sampai|hingga|to|until|[-–—])"
TYPED_RANGE = re.compile(rf"^\s*{_DATE}\s*{_UNTIL}\s*{_DATE}\s*$", re.IGNORECASE)


class Preset(StrEnum):
    THIS_MONTH = "this"
    LAST_MONTH = "last"
    THIS_YEAR = "year"


class BadPeriod(ValueError):
    """Typed dates that cannot be a period; `reason` names the catalog text that explains it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Period:
    """Whole days from `first` to `last`, both included, in the city's time zone."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """The period as a UTC range: from its first midnight up to (excluding) the one after."""
        return _midnight(self.first, tz), _midnight(self.last + timedelta(days=1), tz)

    def buckets(self) -> list[Period]:
        """Weeks from the first day (short periods) or calendar months, clipped to the period."""
        parts: list[Period] = []
        start = self.first
        while start <= self.last:
            if self.days <= WEEKLY_UP_TO:
                end = start + timedelta(days=6)
            else:
                end = _next_month(start) - timedelta(days=1)
            parts.append(Period(start, min(end, self.last)))
            start = parts[-1].last + timedelta(days=1)
        return parts

    def encode(self) -> str:
        """Sixteen digits for callback data: first and last day as YYYYMMDD."""
        return f"{self.first:%Y%m%d}{self.last:%Y%m%d}"

    @classmethod
    def decode(cls, text: str) -> Period:
        first = datetime.strptime(text[:8], "%Y%m%d").date()
        last = datetime.strptime(text[8:], "%Y%m%d").date()
        if not (on_calendar(first) and on_calendar(last)):
            raise BadPeriod("range")
        if last < first or last - first >= LONGEST:
            raise ValueError(f"not a period: {text}")
        return cls(first, last)


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tz).astimezone(UTC)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_of(day: date) -> Period:
    """The calendar month `day` falls in."""
    first = day.replace(day=1)
    return Period(first, _next_month(first) - timedelta(days=1))


def preset(kind: Preset, today: date) -> Period:
    """This month or this year so far, or the whole of last month."""
    if kind == Preset.THIS_MONTH:
        return Period(today.replace(day=1), today)
    if kind == Preset.LAST_MONTH:
        return month_of(today.replace(day=1) - timedelta(days=1))
    return Period(date(today.year, 1, 1), today)


def parse_range(text: str, today: date) -> Period:
    """Read typed dates like `01-10-2026 s/d 31-10-2026` (BadPeriod when they are not usable)."""
    match = TYPED_RANGE.match(text)
    if match is None:
        raise BadPeriod("format")
    numbers = [int(part) for part in match.groups()]
    try:
        first = date(numbers[2], numbers[1], numbers[0])
        last = date(numbers[5], numbers[4], numbers[3])
    except ValueError:
        raise BadPeriod("date") from None
    if not (on_calendar(first) and on_calendar(last)):
        raise BadPeriod("range")
    if last < first:
        raise BadPeriod("order")
    if first > today:
        raise BadPeriod("future")
    if last - first >= LONGEST:
        raise BadPeriod("long")
    return Period(first, last)
