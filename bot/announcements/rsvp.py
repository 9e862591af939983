"""Recipients answer Hadir / Tidak hadir until the event starts, and check in on its day."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.messages import ANNOUNCEMENT
from bot.announcements.publish import CODE_ALPHABET, CODE_LENGTH
from bot.people import get_user
from storage.announcements import (
    Announcement,
    AnnouncementStatus,
    Attendance,
    Rsvp,
    RsvpAnswer,
)
from storage.delivery import DeliveryStatus, OutboxMessage
from storage.people import User, UserStatus


class RsvpRefused(Exception):
    """The answer or check-in is not accepted; the message names a catalog suffix."""

    def __init__(self, reason: str, item: Announcement | None = None) -> None:
        super().__init__(reason)
        # A value, not the row: the failed transaction's rollback expires every row it loaded.
        self.reason, self.starts_at = reason, item.starts_at if item else None


async def _invited(
    session: AsyncSession, telegram_id: int, item: Announcement | None
) -> tuple[User, Announcement]:
    """The caller and the announcement, when it was addressed to them and still stands."""
    user = await get_user(session, telegram_id)
    if user is not None and user.status != UserStatus.ACTIVE:
        raise RsvpRefused("inactive", item)
    if item is None or user is None:
        raise RsvpRefused("unknown", item)
    invitation = await session.scalar(
        select(OutboxMessage.id).where(
            OutboxMessage.kind == ANNOUNCEMENT,
            OutboxMessage.campaign_id == item.id,
            OutboxMessage.user_id == user.id,
            OutboxMessage.status != DeliveryStatus.CANCELLED,
        )
    )
    if invitation is None:
        raise RsvpRefused("not-invited", item)
    if item.status == AnnouncementStatus.CANCELLED:
        raise RsvpRefused("cancelled", item)
    return user, item


async def answer(
    session: AsyncSession, telegram_id: int, announcement_id: int, reply: str, now: datetime
) -> tuple[User, Announcement]:
    """Record or change the caller's answer; refused once the event has started."""
    user, item = await _invited(
        session, telegram_id, await session.get(Announcement, announcement_id)
    )
    if now >= item.starts_at:
        raise RsvpRefused("closed", item)
    rsvp = await session.scalar(
        select(Rsvp).where(Rsvp.announcement_id == item.id, Rsvp.user_id == user.id)
    )
    if rsvp is None:
        rsvp = Rsvp(announcement_id=item.id, user_id=user.id, answered_at=now)
        session.add(rsvp)
    rsvp.answer, rsvp.answered_at = RsvpAnswer(reply), now
    return user, item


async def check_in(
    session: AsyncSession, telegram_id: int, code: str, now: datetime, tz: ZoneInfo
) -> tuple[Announcement, bool]:
    """Record the caller's attendance by the event's code; True when it is new."""
    key = code.strip().upper()
    # Typed text: only something shaped like a code goes to the database.
    known = re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", key)
    item = (
        await session.scalar(select(Announcement).where(Announcement.code == key))
        if known
        else None
    )
    user, item = await _invited(session, telegram_id, item)
    if item.starts_at.astimezone(tz).date() != now.astimezone(tz).date():
        raise RsvpRefused("not-today", item)
    present = await session.scalar(
        select(Attendance.id).where(
            Attendance.announcement_id == item.id, Attendance.user_id == user.id
        )
    )
    if present is not None:
        return item, False
    session.add(Attendance(announcement_id=item.id, user_id=user.id, at=now))
    return item, True
