"""The current time, behind one seam so scheduled behaviour can be tested with a set clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

# Typed and forged dates outside these years are refused: near year 1 or 9999 a day's midnight in
# Asia/Jakarta, or the day after, falls off Python's calendar (OverflowError).
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)


def on_calendar(day: date) -> bool:
    """Whether the bot works with this day (reports, periods, reviews): years 1900 to 2999."""
    return EARLIEST_DAY <= day <= LATEST_DAY


class Clock:
    """Wall-clock time, always timezone-aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock(Clock):
    """A clock that only moves when told to; used by tests and by `bench/` scripts."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)
