"""The buttons of subject requests (`sj`) and of the audit review (`au`), as typed callback data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.records.audit_review import AuditBy, AuditFilter, BadAuditFilter
from bot.runtime.callbacks import Callback
from bot.runtime.clock import on_calendar


class SubjectStep(StrEnum):
    EXPORT = "x"
    ERASE = "e"  # asks for confirmation
    CONFIRM = "y"  # erases
    KEEP = "n"  # erases nothing


@dataclass(frozen=True)
class SubjectButton(Callback, prefix="sj"):
    step: SubjectStep
    request_id: int


@dataclass(frozen=True)
class AuditExport(Callback, prefix="au"):
    """A case id, a user id, or a period as two dates written YYYYMMDD."""

    by: AuditBy
    first: int
    last: int | None = None

    @classmethod
    def of(cls, wanted: AuditFilter) -> AuditExport:
        if wanted.by is AuditBy.CASE:
            return cls(wanted.by, wanted.case_id or 0)
        if wanted.by is AuditBy.USER:
            return cls(wanted.by, wanted.user_id or 0)
        assert wanted.first is not None and wanted.last is not None
        return cls(wanted.by, _day(wanted.first), _day(wanted.last))

    def wanted(self) -> AuditFilter | None:
        """The filter again; None when the data cannot be one (a forged button), BadAuditFilter
        for dates off the calendar."""
        if self.by is AuditBy.CASE:
            return AuditFilter(self.by, case_id=self.first)
        if self.by is AuditBy.USER:
            return AuditFilter(self.by, user_id=self.first)
        try:
            first, last = _date(self.first), _date(self.last or 0)
        except ValueError:
            return None
        if not (on_calendar(first) and on_calendar(last)):
            raise BadAuditFilter("range")
        return AuditFilter(self.by, first=first, last=last)


def _day(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def _date(number: int) -> date:
    return date(number // 10_000, number // 100 % 100, number % 100)
