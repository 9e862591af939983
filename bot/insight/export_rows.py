"""The export's rows: one streamed query per period and scope, and each row as spreadsheet cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, func, literal, select

from bot.insight.counts import Range, reported_in
from bot.insight.labels import Labels
from bot.insight.scope import Scope
from bot.privacy.crypto import Cipher
from bot.runtime.spreadsheets import csv_cell, local
from storage.cases import Case, CaseEvent, Referral
from storage.people import User

COLUMNS = (
    "number",
    "reported",
    "category",
    "kecamatan-code",
    "kecamatan",
    "kelurahan-code",
    "kelurahan",
    "urgency",
    "status",
    "beneficiary",
    "nik",
    "sex",
    "age",
    "verified",
    "days-to-verify",
    "closed",
    "days-to-close",
    "referrals",
    "reporter",
)
DAY = 86_400


def _first(kind: str) -> ColumnElement[datetime]:
    return (
        select(func.min(CaseEvent.at))
        .where(CaseEvent.case_id == Case.id, CaseEvent.kind == kind)
        .correlate(Case)
        .scalar_subquery()
    )


def _referrals(dialect: str) -> ColumnElement[str]:
    """Each referral as `sector:outcome`, joined by `;`, in one correlated subquery."""
    item = Referral.sector + literal(":") + func.coalesce(Referral.outcome, "pending")
    joined = (
        func.string_agg(item, literal(";"))
        if dialect == "postgresql"
        else func.group_concat(item, literal(";"))
    )
    return select(joined).where(Referral.case_id == Case.id).correlate(Case).scalar_subquery()


def export_query(scope: Scope, span: Range, full: bool, dialect: str) -> Select[*tuple[Any, ...]]:
    """Every case of the period in order; the encrypted NIK only for a full export."""
    nik = Case.nik_encrypted if full else literal(None)
    return (
        select(
            Case.number,
            Case.created_at,
            Case.category_code,
            Case.kecamatan_code,
            Case.kelurahan_code,
            Case.urgency,
            Case.status,
            Case.beneficiary_name,
            Case.nik_masked,
            nik,
            Case.sex,
            Case.age_years,
            _first("verify"),
            _first("close"),
            _referrals(dialect),
            User.full_name,
        )
        .join(User, User.id == Case.reporter_id)
        .where(*reported_in(scope, span))
        .order_by(Case.created_at, Case.id)
    )


class RowFormatter:
    """Turns a row of `export_query` into cells; called in a worker thread, so it only reads."""

    def __init__(self, labels: Labels, tz: ZoneInfo, cipher: Cipher | None, text: bool) -> None:
        self._labels, self._tz, self._cipher, self._text = labels, tz, cipher, text
        self._names: dict[str, str] = {}

    def header(self) -> list[str]:
        return [self._labels.plain(f"rekap-col-{column}") for column in COLUMNS]

    def _name(self, key: str, find: Callable[[], str]) -> str:
        if key not in self._names:
            self._names[key] = find()
        return self._names[key]

    def _when(self, moment: datetime | None) -> object:
        wall_clock = local(moment, self._tz)
        if wall_clock is None or not self._text:
            return wall_clock
        return wall_clock.strftime("%d-%m-%Y %H:%M")

    def _days(self, later: datetime | None, earlier: datetime) -> object:
        if later is None:
            return None
        days = round((later - earlier).total_seconds() / DAY, 1)
        if self._text and self._labels.locale == "id":
            return f"{days:.1f}".replace(".", ",")
        return days

    def _referrals(self, joined: str | None) -> str:
        labels, parts = self._labels, []
        for item in sorted((joined or "").split(";")) if joined else []:
            sector, _, outcome = item.partition(":")
            parts.append(f"{labels.sector(sector)}: {labels.outcome(outcome)}")
        return "; ".join(parts)

    def __call__(self, row: Sequence[Any]) -> list[object]:
        (
            number,
            created,
            category,
            kec,
            kel,
            urgency,
            status,
            name,
            masked,
            sealed,
            sex,
            age,
            verified,
            closed,
            referrals,
            reporter,
        ) = row
        labels = self._labels
        nik = self._cipher.decrypt(sealed) if self._cipher and sealed else masked
        cells: Sequence[object] = (
            number,
            self._when(created),
            self._name(f"c{category}", lambda: labels.category(category)),
            kec,
            labels.regions.name_of(kec),
            kel,
            labels.regions.name_of(kel),
            self._name(f"u{urgency}", lambda: labels.urgency(urgency)),
            self._name(f"s{status}", lambda: labels.status(status)),
            name,
            nik,
            sex,
            age,
            self._when(verified),
            self._days(verified, created),
            self._when(closed),
            self._days(closed, created),
            self._referrals(referrals),
            reporter,
        )
        # The apostrophe in XLSX too: streamed (write-only) sheets have no per-cell quote prefix.
        return [csv_cell(cell) for cell in cells]
