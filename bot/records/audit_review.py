"""Reviewing the audit log (admins): by user, by case or by period, in chat or as a spreadsheet.

Reading the log is itself audited, with the filter and the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import case_id_by_number
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.records.audit_words import AuditWords
from bot.runtime.clock import on_calendar
from bot.runtime.spreadsheets import local
from storage.audit import AuditEntry
from storage.cases import Case
from storage.people import User

SHOWN = 20
# One spreadsheet; a longer period is asked for in parts.
MAX_EXPORT = 50_000
PAGE = 2_000
AUDIT_COLUMNS = ("at", "who", "action", "case", "detail")


class AuditBy(StrEnum):
    CASE = "case"
    USER = "user"
    PERIOD = "period"


@dataclass(frozen=True)
class AuditFilter:
    """One of: a case (its id), an account (its user id), or days from `first` to `last`."""

    by: AuditBy
    case_id: int | None = None
    user_id: int | None = None
    first: date | None = None
    last: date | None = None

    def detail(self) -> dict[str, str | int | None]:
        """How the filter is written in the audit row about the review: ids and dates."""
        return {
            "by": self.by.value,
            "case": self.case_id,
            "user": self.user_id,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
        }


@dataclass(frozen=True)
class AuditLine:
    entry: AuditEntry
    actor: str | None
    case_number: str | None


class AuditRefused(Exception):
    """Only admins review the audit log."""


class BadAuditFilter(ValueError):
    """What followed /audit names no case, account or period; `what` says which it tried."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _as_date(word: str) -> date | None:
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", word)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


async def filter_from(
    session: AsyncSession, reviewer: User | None, words: Sequence[str], today: date
) -> AuditFilter:
    """Read what an admin typed after /audit: a case number, a Telegram user id, one or two
    dates, or nothing (the last seven days). AuditRefused for anyone but an admin."""
    if reviewer is None or not scope_of(reviewer).reviews_audit:
        raise AuditRefused(reviewer.id if reviewer else None)
    if not words:
        return AuditFilter(AuditBy.PERIOD, first=today - timedelta(days=6), last=today)
    dates = [_as_date(word) for word in words]
    if len(words) <= 2 and all(dates):
        days = sorted(day for day in dates if day is not None)
        if not (on_calendar(days[0]) and on_calendar(days[-1])):
            raise BadAuditFilter("range")
        return AuditFilter(AuditBy.PERIOD, first=days[0], last=days[-1])
    if len(words) != 1:
        raise BadAuditFilter("usage")
    word = words[0]
    if re.fullmatch(r"[0-9]+", word):
        # Telegram ids have at most 15 digits: a longer number is no account, nor an integer
        # every database takes.
        known = select(User.id).where(User.telegram_id == int(word))
        user_id = await session.scalar(known) if len(word) <= 15 else None
        if user_id is None:
            raise BadAuditFilter("user")
        return AuditFilter(AuditBy.USER, user_id=user_id)
    case_id = await case_id_by_number(session, word)
    if case_id is None:
        raise BadAuditFilter("case")
    return AuditFilter(AuditBy.CASE, case_id=case_id)


async def review(
    session: AsyncSession,
    reviewer: User | None,
    wanted: AuditFilter,
    tz: ZoneInfo,
    now: datetime,
    *,
    export: bool = False,
) -> list[AuditLine]:
    """The newest entries matching the filter (all of them, up to MAX_EXPORT, for an export);
    AuditRefused for anyone but an admin. The review is audited."""
    if reviewer is None or not scope_of(reviewer).reviews_audit:
        raise AuditRefused(reviewer.id if reviewer else None)
    lines = await _newest(session, _matching(wanted, tz), MAX_EXPORT if export else SHOWN)
    action = Audit.AUDIT_EXPORT if export else Audit.AUDIT_VIEW
    audit(session, action, at=now, actor_id=reviewer.id, rows=len(lines), filter=wanted.detail())
    return lines


async def _newest(
    session: AsyncSession, matching: list[ColumnElement[bool]], limit: int
) -> list[AuditLine]:
    """Up to `limit` entries, newest first, read a page at a time: 50,000 rows made into
    objects in one go held the event loop 6 s."""
    lines: list[AuditLine] = []
    newest = (AuditEntry.at.desc(), AuditEntry.id.desc())
    while len(lines) < limit:
        query = (
            select(AuditEntry, User.full_name, Case.number)
            .outerjoin(User, User.id == AuditEntry.actor_id)
            .outerjoin(Case, Case.id == AuditEntry.case_id)
            .where(*matching)
            .order_by(*newest)
            .limit(min(PAGE, limit - len(lines)))
        )
        if lines:
            last = lines[-1].entry
            older = (AuditEntry.at < last.at) | (
                (AuditEntry.at == last.at) & (AuditEntry.id < last.id)
            )
            query = query.where(older)
        page = [AuditLine(*row) for row in (await session.execute(query)).all()]
        lines += page
        if len(page) < PAGE:
            break
    return lines


async def total(session: AsyncSession, wanted: AuditFilter, tz: ZoneInfo) -> int:
    """How many entries match, beyond the ones shown."""
    query = select(func.count()).select_from(AuditEntry).where(*_matching(wanted, tz))
    return await session.scalar(query) or 0


def _matching(wanted: AuditFilter, tz: ZoneInfo) -> list[ColumnElement[bool]]:
    if wanted.by is AuditBy.CASE:
        return [AuditEntry.case_id == wanted.case_id]
    if wanted.by is AuditBy.USER:
        return [AuditEntry.actor_id == wanted.user_id]
    assert wanted.first is not None and wanted.last is not None
    # Days where the users live, from the first's midnight to the midnight after the last.
    start = datetime.combine(wanted.first, time(), tz)
    end = datetime.combine(wanted.last + timedelta(days=1), time(), tz)
    return [AuditEntry.at >= start, AuditEntry.at < end]


async def entries_about(session: AsyncSession, case_ids: Sequence[int]) -> list[AuditLine]:
    """Every entry about these cases, oldest first (for a subject request)."""
    rows = await session.execute(
        select(AuditEntry, User.full_name, Case.number)
        .outerjoin(User, User.id == AuditEntry.actor_id)
        .outerjoin(Case, Case.id == AuditEntry.case_id)
        .where(AuditEntry.case_id.in_(list(case_ids)))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [AuditLine(*row) for row in rows.all()]


def who(actor_name: str | None, actor_id: int | None, bot_label: str) -> str:
    """An actor as reviewers read it: name and account number, or the bot itself."""
    return f"{actor_name} (#{actor_id})" if actor_id is not None else bot_label


def audit_rows(
    lines: list[AuditLine], tz: ZoneInfo, bot_label: str, words: AuditWords
) -> list[list[object]]:
    """Rows under AUDIT_COLUMNS, for a spreadsheet, in the reader's words."""
    return [
        [
            local(line.entry.at, tz),
            who(line.actor, line.entry.actor_id, bot_label),
            words.action(line.entry.action),
            line.case_number or "",
            words.detail(line.entry.detail),
        ]
        for line in lines
    ]
