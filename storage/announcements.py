"""Announcements of events (bimtek), their reminders and notices, RSVPs and attendance."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class AnnouncementStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Announcement(Base):
    """One event announcement; who receives it and when is in the outbox, not here."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The compose draft's id makes submitting idempotent when a crash repeats the last step.
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    # What PSM type after /hadir at the event.
    code: Mapped[str] = mapped_column(String(8), unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(200))
    document_file_id: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(String(300))
    # {"all": true} | {"kecamatan": [codes]} | {"coordinators": true}, as bot.outbox reads it.
    audience: Mapped[dict[str, Any]]
    send_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default=AnnouncementStatus.SCHEDULED)
    created_at: Mapped[datetime]


class ReminderKind(StrEnum):
    DAY = "reminder_day"
    HOURS = "reminder_2h"


class AnnouncementReminder(Base):
    """A reminder due at a time; its id is the outbox campaign, so a new time gets a new one."""

    __tablename__ = "announcement_reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    # The reminder schedule is this column: due reminders are one indexed range scan.
    due_at: Mapped[datetime] = mapped_column(index=True)
    # Set when its outbox rows were written (or it was found too late to be useful).
    done_at: Mapped[datetime | None]


class NoticeKind(StrEnum):
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"


class AnnouncementNotice(Base):
    """A change told to those who already received the announcement; its id is the campaign."""

    __tablename__ = "announcement_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    previous_starts_at: Mapped[datetime]
    at: Mapped[datetime]


class RsvpAnswer(StrEnum):
    YES = "yes"
    NO = "no"


class Rsvp(Base):
    """A recipient's latest answer; changing it overwrites the row."""

    __tablename__ = "announcement_rsvps"
    __table_args__ = (UniqueConstraint("announcement_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    answer: Mapped[str] = mapped_column(String(8))
    answered_at: Mapped[datetime]


class Attendance(Base):
    """A recipient who checked in at the event with its code."""

    __tablename__ = "announcement_attendance"
    __table_args__ = (UniqueConstraint("announcement_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    at: Mapped[datetime]
