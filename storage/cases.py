"""Cases: the reported case, its photos and timeline, numbering, and cross-sector referrals."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base


class Urgency(StrEnum):
    DARURAT = "darurat"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"


class CaseCounter(Base):
    """Last case number handed out per year, so numbers are short and gap-free."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_kecamatan_status", "kecamatan_code", "status"),
        # Lists, newest activity first (bot/cases/queries.py): a PSM's own, a kecamatan's, all.
        Index("ix_cases_reporter_activity", "reporter_id", "last_activity_at"),
        # /rekap: a period's cases are one range scan, city-wide, per kecamatan or per PSM.
        Index("ix_cases_created_at", "created_at"),
        Index("ix_cases_kecamatan_created", "kecamatan_code", "created_at"),
        Index("ix_cases_reporter_created", "reporter_id", "created_at"),
        Index("ix_cases_kecamatan_activity", "kecamatan_code", "last_activity_at", "id"),
        Index("ix_cases_activity", "last_activity_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    # The draft's id makes submitting idempotent when a crash repeats the last step.
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    category_code: Mapped[int]
    beneficiary_name: Mapped[str] = mapped_column(String(120))
    nik_encrypted: Mapped[str | None] = mapped_column(Text)
    nik_masked: Mapped[str | None] = mapped_column(String(20))
    # Blind index (HMAC of the NIK, bot/privacy/crypto.py): finds earlier cases of the same person.
    nik_index: Mapped[str | None] = mapped_column(String(64), index=True)
    no_nik_reason: Mapped[str | None] = mapped_column(String(200))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age_years: Mapped[int | None]
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    kelurahan_code: Mapped[str] = mapped_column(String(13))
    address: Mapped[str] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16), default="baru")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_activity_at: Mapped[datetime]
    # The follow-up schedule is this column: due nudges are one indexed range scan.
    next_nudge_at: Mapped[datetime | None] = mapped_column(index=True)
    nudges_unanswered: Mapped[int] = mapped_column(default=0)
    # Set when retention or an erasure request removed the personal data (bot/records).
    anonymised_at: Mapped[datetime | None]

    photos: Mapped[list[CasePhoto]] = relationship(cascade="all, delete-orphan")
    events: Mapped[list[CaseEvent]] = relationship(cascade="all, delete-orphan")


class CasePhoto(Base):
    __tablename__ = "case_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime]


class CaseEvent(Base):
    """One entry of a case's timeline: who did what, when."""

    __tablename__ = "case_events"
    __table_args__ = (
        # /rekap: closings in a period, and whether a PSM did anything lately.
        Index("ix_case_events_kind_at", "kind", "at"),
        Index("ix_case_events_actor_at", "actor_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # None for the bot's own events (nudges, escalations).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    # Structured facts (referral sectors, an outcome) kept as codes, named in the reader's language.
    data: Mapped[dict[str, Any] | None]
    at: Mapped[datetime]


class Referral(Base):
    """A case referred to one sector (Dinkes, Disdukcapil, UPTD PPA...), awaiting its outcome."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sector: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    referred_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # /rekap counts a period's referrals by this column.
    referred_at: Mapped[datetime] = mapped_column(index=True)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome_at: Mapped[datetime | None]
    # Pending referrals nudge their coordinator when this passes; cleared by an outcome.
    next_nudge_at: Mapped[datetime | None] = mapped_column(index=True)


class CaseMessage(Base):
    """A message in a chat that is about one case: an alert, a notice, a nudge or its card.

    A Telegram reply to it adds to that case (bot/cases/replies.py); a card is edited in place
    by the actions taken from it. Ids only, no text.
    """

    __tablename__ = "case_messages"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    card: Mapped[bool] = mapped_column(default=False)
    at: Mapped[datetime]
