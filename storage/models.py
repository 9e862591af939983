"""SQLAlchemy 2 typed models: people, cases and their timeline, audit log, bot persistence."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on every backend; SQLite would otherwise hand back naive values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Role(StrEnum):
    PSM = "psm"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class UserStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    REJECTED = "rejected"
    INACTIVE = "inactive"
    # Telegram refused delivery (bot blocked, account deleted); writing to the bot again undoes it.
    BLOCKED = "blocked"


class Urgency(StrEnum):
    DARURAT = "darurat"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16), default=Role.PSM)
    status: Mapped[str] = mapped_column(String(16), default=UserStatus.PENDING)
    locale: Mapped[str | None] = mapped_column(String(5))
    kelurahan_code: Mapped[str | None] = mapped_column(String(13))
    kecamatan_code: Mapped[str | None] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]

    areas: Mapped[list[CoordinatorArea]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def area_codes(self) -> set[str]:
        return {area.kecamatan_code for area in self.areas}


class CoordinatorArea(Base):
    """A kecamatan a coordinator (TKSK or Dinas Sosial staff) is responsible for."""

    __tablename__ = "coordinator_areas"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class RosterEntry(Base):
    """A person the coordinators vouched for; a matching phone activates on /start."""

    __tablename__ = "roster_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    kelurahan_code: Mapped[str | None] = mapped_column(String(13))
    kecamatan_codes: Mapped[list[str]] = mapped_column(default=list)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseCounter(Base):
    """Last case number handed out per year, so numbers are short and gap-free."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_kecamatan_status", "kecamatan_code", "status"),
        Index("ix_cases_reporter_activity", "reporter_id", "last_activity_at"),
        # /rekap: a period's cases are one range scan, city-wide, per kecamatan or per PSM.
        Index("ix_cases_created_at", "created_at"),
        Index("ix_cases_kecamatan_created", "kecamatan_code", "created_at"),
        Index("ix_cases_reporter_created", "reporter_id", "created_at"),
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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The follow-up schedule is this column: due nudges are one indexed range scan.
    next_nudge_at: Mapped[datetime | None] = mapped_column(index=True)
    nudges_unanswered: Mapped[int] = mapped_column(default=0)

    photos: Mapped[list[CasePhoto]] = relationship(cascade="all, delete-orphan")
    events: Mapped[list[CaseEvent]] = relationship(cascade="all, delete-orphan")


class CasePhoto(Base):
    __tablename__ = "case_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


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
    at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who saw, changed or exported personal data (UU 27/2022)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ConversationState(Base):
    """PTB ConversationHandler state, one row per (handler name, chat/user key)."""

    __tablename__ = "ptb_conversations"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[int]


class StoredUserData(Base):
    """PTB `context.user_data` as JSON: drafts in progress and the chosen language."""

    __tablename__ = "ptb_user_data"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
