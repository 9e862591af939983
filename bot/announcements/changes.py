"""Changing an announcement after it is submitted: a new event time, or cancelling it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.messages import ANNOUNCEMENT, UPDATE, AnnouncementMessages
from bot.announcements.publish import plan_reminders
from bot.delivery import cancel_pending, may_address
from bot.people import get_user
from bot.privacy.audit import Audit, audit
from storage.announcements import (
    Announcement,
    AnnouncementNotice,
    AnnouncementReminder,
    AnnouncementStatus,
    NoticeKind,
)
from storage.delivery import DeliveryStatus, OutboxMessage
from storage.people import Role, User

# Sends that reached the recipient, or are reaching them right now.
RECEIVED = (DeliveryStatus.SENT, DeliveryStatus.SENDING)


class ChangeRefused(Exception):
    """Not allowed, or too late; the message names a catalog suffix."""


def may_manage(user: User | None, item: Announcement) -> bool:
    """The author manages an announcement while they may still address PSM; admins every one."""
    return may_address(user) and (user.id == item.author_id or user.role == Role.ADMIN)


async def managed(
    session: AsyncSession, telegram_id: int, announcement_id: int, lock: bool = False
) -> tuple[User, Announcement]:
    """The caller and the announcement, when the caller may manage it; `lock` for changes."""
    user = await get_user(session, telegram_id)
    item = await session.get(Announcement, announcement_id, with_for_update=lock)
    if item is None or not may_manage(user, item):
        raise ChangeRefused("forbidden")
    assert user is not None
    return user, item


async def received_by(session: AsyncSession, announcement_id: int) -> list[User]:
    """Everyone the announcement reached (or is reaching at this moment)."""
    return list(
        await session.scalars(
            select(User)
            .join(OutboxMessage, OutboxMessage.user_id == User.id)
            .where(
                OutboxMessage.kind == ANNOUNCEMENT,
                OutboxMessage.campaign_id == announcement_id,
                OutboxMessage.status.in_(RECEIVED),
            )
        )
    )


async def _drop_reminders(session: AsyncSession, item: Announcement) -> None:
    """Forget reminders of the old time: future ones are deleted, queued ones cancelled."""
    reminders = list(
        await session.scalars(
            select(AnnouncementReminder).where(AnnouncementReminder.announcement_id == item.id)
        )
    )
    for reminder in reminders:
        if reminder.done_at is not None:
            await cancel_pending(session, reminder.kind, reminder.id)
    await session.execute(
        delete(AnnouncementReminder).where(
            AnnouncementReminder.announcement_id == item.id,
            AnnouncementReminder.done_at.is_(None),
        )
    )


async def _tell_recipients(
    session: AsyncSession,
    messages: AnnouncementMessages,
    user: User,
    item: Announcement,
    notice: AnnouncementNotice,
) -> int:
    """Queue the notice for everyone who received the announcement, and audit the change."""
    session.add(notice)
    await session.flush()
    told = await messages.enqueue(
        session,
        kind=UPDATE,
        campaign_id=notice.id,
        recipients=await received_by(session, item.id),
        build=lambda locale: messages.notice(locale, item, notice),
        not_before=notice.at,
    )
    action = (
        Audit.ANNOUNCEMENT_CANCEL
        if notice.kind == NoticeKind.CANCEL
        else Audit.ANNOUNCEMENT_RESCHEDULE
    )
    audit(session, action, at=notice.at, actor_id=user.id, announcement_id=item.id, told=told)
    return told


async def _rewrite_pending(
    session: AsyncSession, messages: AnnouncementMessages, item: Announcement
) -> None:
    """Those still waiting for the announcement get it with the new time written in."""
    waiting = await session.execute(
        select(OutboxMessage, User)
        .join(User, OutboxMessage.user_id == User.id)
        .where(
            OutboxMessage.kind == ANNOUNCEMENT,
            OutboxMessage.campaign_id == item.id,
            OutboxMessage.status == DeliveryStatus.PENDING,
        )
    )
    rendered: dict[str, dict[str, Any]] = {}
    for row, user in waiting:
        locale = messages.locale_of(user)
        if locale not in rendered:
            rendered[locale] = messages.announcement(locale, item).to_json()
        row.payload = rendered[locale]


def check_open(item: Announcement, now: datetime) -> None:
    """Refuse changes to a cancelled announcement or an event that has begun."""
    if item.status == AnnouncementStatus.CANCELLED:
        raise ChangeRefused("cancelled")
    if item.starts_at <= now:
        raise ChangeRefused("started")


async def reschedule(
    session: AsyncSession,
    messages: AnnouncementMessages,
    user: User,
    item: Announcement,
    starts_at: datetime,
    now: datetime,
) -> int:
    """Move the event; returns how many who already received it are told."""
    check_open(item, now)
    if starts_at <= item.send_at:
        raise ChangeRefused("before-send")
    previous, item.starts_at = item.starts_at, starts_at
    await _drop_reminders(session, item)
    session.add_all(plan_reminders(item, max(now, item.send_at)))
    await _rewrite_pending(session, messages, item)
    notice = AnnouncementNotice(
        announcement_id=item.id,
        kind=NoticeKind.RESCHEDULE,
        actor_id=user.id,
        previous_starts_at=previous,
        at=now,
    )
    return await _tell_recipients(session, messages, user, item, notice)


async def cancel(
    session: AsyncSession,
    messages: AnnouncementMessages,
    user: User,
    item: Announcement,
    now: datetime,
) -> int:
    """Call the event off: unsent copies are withdrawn, those who received it are told."""
    check_open(item, now)
    item.status = AnnouncementStatus.CANCELLED
    await cancel_pending(session, ANNOUNCEMENT, item.id)
    await _drop_reminders(session, item)
    notice = AnnouncementNotice(
        announcement_id=item.id,
        kind=NoticeKind.CANCEL,
        actor_id=user.id,
        previous_starts_at=item.starts_at,
        at=now,
    )
    return await _tell_recipients(session, messages, user, item, notice)
