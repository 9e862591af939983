"""Submitting a composed announcement: the row, its reminders and its outbox rows, at once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.draft import AnnouncementDraft
from bot.announcements.messages import ANNOUNCEMENT, AnnouncementMessages
from bot.delivery import (
    NOT_ALLOWED,
    AudienceRefused,
    counts,
    may_address,
    resolve_audience,
)
from bot.privacy.audit import Audit, audit
from storage.announcements import Announcement, AnnouncementReminder, ReminderKind
from storage.people import User

# "The day before" is 24 hours before, so an evening event is not reminded of in the morning.
AHEAD = {ReminderKind.DAY: timedelta(days=1), ReminderKind.HOURS: timedelta(hours=2)}
# No 0/O or 1/I: the code is read off a screen or a whiteboard and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class IncompleteAnnouncement(Exception):
    """A required answer is missing from the draft; the message names it."""


@dataclass(frozen=True)
class Submitted:
    announcement: Announcement
    recipients: int


def plan_reminders(item: Announcement, earliest: datetime) -> list[AnnouncementReminder]:
    """The reminders still worth sending: only those due after the announcement goes out."""
    return [
        AnnouncementReminder(announcement_id=item.id, kind=kind, due_at=item.starts_at - before)
        for kind, before in AHEAD.items()
        if item.starts_at - before > earliest
    ]


def reminder_expiry(kind: str, starts_at: datetime) -> datetime:
    """After this a reminder is pointless: the next one is due, or the event has begun."""
    return starts_at - AHEAD[ReminderKind.HOURS] if kind == ReminderKind.DAY else starts_at


async def _new_code(session: AsyncSession) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if await session.scalar(select(Announcement.id).where(Announcement.code == code)) is None:
            return code


def from_draft(draft: AnnouncementDraft) -> Announcement:
    """The announcement as the draft describes it, not yet in any session (also the preview)."""
    for name in ("title", "body", "starts_at", "venue"):
        if getattr(draft, name) is None:
            raise IncompleteAnnouncement(name)
    assert draft.title and draft.body and draft.start and draft.venue
    return Announcement(
        draft_id=draft.id,
        title=draft.title,
        body=draft.body,
        photo_file_id=draft.photo,
        document_file_id=draft.document,
        starts_at=draft.start,
        venue=draft.venue,
    )


async def submit_announcement(
    session: AsyncSession,
    draft: AnnouncementDraft,
    author: User | None,
    messages: AnnouncementMessages,
    now: datetime,
) -> Submitted:
    """Write the announcement and queue it for its audience; a repeated submit changes nothing."""
    existing = await session.scalar(select(Announcement).where(Announcement.draft_id == draft.id))
    if existing is not None:
        delivery = await counts(session, ANNOUNCEMENT, existing.id)
        return Submitted(existing, delivery.total - delivery.cancelled)
    if not may_address(author):
        raise AudienceRefused(NOT_ALLOWED)
    audience = resolve_audience(author, draft.audience, draft.kecamatan)
    item = from_draft(draft)
    send_at = max(draft.send or now, now)
    if item.starts_at <= send_at:
        raise IncompleteAnnouncement("starts_at")
    recipients = await audience.users(session)
    if not recipients:
        raise AudienceRefused("nobody")
    item.code, item.author_id = await _new_code(session), author.id
    item.audience, item.send_at, item.created_at = audience.to_json(), send_at, now
    session.add(item)
    await session.flush()
    session.add_all(plan_reminders(item, send_at))
    await messages.enqueue(
        session,
        kind=ANNOUNCEMENT,
        campaign_id=item.id,
        recipients=recipients,
        build=lambda locale: messages.announcement(locale, item),
        not_before=send_at,
    )
    audit(
        session,
        Audit.ANNOUNCEMENT_CREATE,
        at=now,
        actor_id=author.id,
        announcement_id=item.id,
        recipients=len(recipients),
    )
    return Submitted(item, len(recipients))
