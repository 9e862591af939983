"""People: PSM, coordinators and admins, their areas, and the imported roster."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base


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


# Nothing is delivered to these: Telegram refuses it, or the person has left.
UNREACHABLE = frozenset({UserStatus.BLOCKED, UserStatus.INACTIVE})


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
    created_at: Mapped[datetime]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    # When retention first saw the account inactive: its RETENTION_YEARS count from here.
    inactive_since: Mapped[datetime | None]
    # Set when retention removed the name and phone of someone who left (bot/records).
    anonymised_at: Mapped[datetime | None]
    # The last time they wrote to the bot (at most an hour old; see bot/people/activity.py).
    last_seen_at: Mapped[datetime | None]
    # The command menu Telegram holds for their chat ("coordinator:id"), None for the default
    # one; bot/people/menus.py brings it in line with their role and language.
    menu: Mapped[str | None] = mapped_column(String(24))

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
    imported_at: Mapped[datetime]
