"""Names in the reader's language for everything /rekap shows: catalog texts and data files."""

from __future__ import annotations

from dataclasses import dataclass

from fluent.runtime.types import fluent_number

from bot.insight.periods import Period, month_of
from bot.insight.scope import Scope
from bot.reference.categories import Categories
from bot.reference.regions import Regions
from bot.reference.sectors import Sectors
from bot.runtime.texts import Html, Texts


@dataclass(frozen=True)
class DurationUnit:
    key: str  # the catalog key's tail: rekap-days, rekap-hours, rekap-minutes
    per_day: float


DAYS, HOURS, MINUTES = (
    DurationUnit("days", 1),
    DurationUnit("hours", 24),
    DurationUnit("minutes", 1440),
)


def duration_unit(longest_days: float) -> DurationUnit:
    """Days from one day up, hours from one hour, else minutes: so no duration reads as 0."""
    if longest_days >= 1:
        return DAYS
    return HOURS if longest_days * 24 >= 1 else MINUTES


@dataclass(frozen=True)
class Labels:
    texts: Texts
    locale: str
    regions: Regions
    categories: Categories
    sectors: Sectors

    def html(self, key: str, **args: object) -> Html:
        """A catalog text as HTML, for messages."""
        return self.texts.get(self.locale, key, **args)

    def plain(self, key: str, **args: object) -> str:
        """A catalog text as plain text, for charts, spreadsheets and button labels."""
        return self.texts.plain(self.locale, key, **args)

    def number(self, value: float) -> str:
        """A count or a number of days with the locale's separators (1.234 / 1,5 in Indonesian)."""
        return self.plain("rekap-number", value=fluent_number(value, maximumFractionDigits=1))

    def days(self, value: float | None) -> str:
        """A duration in the unit that reads best: minutes, hours or days (not "0 days")."""
        if value is None:
            return "-"
        unit = duration_unit(value)
        return self.plain(f"rekap-{unit.key}", **{unit.key: self.number(value * unit.per_day)})

    def scope(self, scope: Scope) -> str:
        if scope.city:
            return self.regions.city
        return ", ".join(self.regions.name_of(code) for code in scope.kecamatan)

    def period(self, period: Period) -> str:
        if period == month_of(period.first):
            month = self.plain(f"rekap-month-{period.first.month}")
            return self.plain("rekap-month", month=month, year=str(period.first.year))
        return self.plain(
            "rekap-period-range",
            first=period.first.strftime("%d-%m-%Y"),
            last=period.last.strftime("%d-%m-%Y"),
        )

    def bucket(self, bucket: Period, weekly: bool) -> str:
        """A week by its first day (5/10), a month by its short name."""
        if weekly:
            return f"{bucket.first.day}/{bucket.first.month}"
        # Three letters name a month in both languages (Jan, Agu, Okt; Aug, Oct).
        return self.plain(f"rekap-month-{bucket.first.month}")[:3]

    def group(self, key: str) -> str:
        return self.plain(f"rekap-group-{key}")

    def urgency(self, key: str) -> str:
        return self.plain(f"rekap-urgency-{key}")

    def status(self, key: str) -> str:
        return self.plain(f"status-{key}")

    def outcome(self, key: str) -> str:
        return self.plain(f"rekap-outcome-{key}")

    def sector(self, code: str) -> str:
        sector = self.sectors.get(code)
        return sector.name(self.locale) if sector else code

    def category(self, code: int) -> str:
        category = self.categories.get(code)
        return category.name(self.locale) if category else str(code)
