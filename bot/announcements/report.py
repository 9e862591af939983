"""What coordinators see of their announcements: the list, counts, and the RSVP spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.messages import ANNOUNCEMENT
from bot.delivery import DeliveryCounts, counts
from bot.privacy.audit import Audit, audit
from bot.reference.regions import Regions
from bot.runtime.spreadsheets import Sheet, local, workbook
from storage.announcements import Announcement, Attendance, Rsvp, RsvpAnswer
from storage.delivery import OutboxMessage
from storage.people import Role, User

LIST_LENGTH = 10
EXPORT_COLUMNS = ("name", "kecamatan", "kelurahan", "delivery", "answer", "answered", "attended")


@dataclass(frozen=True)
class AnnouncementStats:
    delivery: DeliveryCounts
    yes: int
    no: int
    unanswered: int
    attended: int


async def announcements_of(
    session: AsyncSession, user: User, page: int = 0
) -> tuple[list[Announcement], int]:
    """One page of the announcements the user manages (their own; every one for an admin),
    latest event first, and how many there are in all."""
    mine = [] if user.role == Role.ADMIN else [Announcement.author_id == user.id]
    total = await session.scalar(select(func.count()).select_from(Announcement).where(*mine))
    statement = (
        select(Announcement)
        .where(*mine)
        .order_by(Announcement.starts_at.desc(), Announcement.id.desc())
        .offset(page * LIST_LENGTH)
        .limit(LIST_LENGTH)
    )
    return list(await session.scalars(statement)), total or 0


async def announcement_stats(session: AsyncSession, item: Announcement) -> AnnouncementStats:
    delivery = await counts(session, ANNOUNCEMENT, item.id)
    counted = await session.execute(
        select(Rsvp.answer, func.count())
        .where(Rsvp.announcement_id == item.id)
        .group_by(Rsvp.answer)
    )
    answers = {answer: count for answer, count in counted}
    attended = await session.scalar(
        select(func.count()).select_from(Attendance).where(Attendance.announcement_id == item.id)
    )
    yes, no = answers.get(RsvpAnswer.YES, 0), answers.get(RsvpAnswer.NO, 0)
    return AnnouncementStats(delivery, yes, no, max(delivery.sent - yes - no, 0), attended or 0)


@dataclass(frozen=True)
class RsvpRow:
    name: str
    kecamatan_code: str | None
    kelurahan_code: str | None
    delivery: str
    answer: str | None
    answered_at: datetime | None
    attended_at: datetime | None


async def rsvp_rows(
    session: AsyncSession, item: Announcement, actor: User, now: datetime
) -> list[RsvpRow]:
    """Every recipient with delivery, answer and attendance; the access goes to the audit log."""
    rows = await session.execute(
        select(
            User.full_name,
            User.kecamatan_code,
            User.kelurahan_code,
            OutboxMessage.status,
            Rsvp.answer,
            Rsvp.answered_at,
            Attendance.at,
        )
        .join(OutboxMessage, OutboxMessage.user_id == User.id)
        .outerjoin(Rsvp, and_(Rsvp.user_id == User.id, Rsvp.announcement_id == item.id))
        .outerjoin(
            Attendance, and_(Attendance.user_id == User.id, Attendance.announcement_id == item.id)
        )
        .where(OutboxMessage.kind == ANNOUNCEMENT, OutboxMessage.campaign_id == item.id)
        .order_by(User.kecamatan_code, User.kelurahan_code, User.full_name)
    )
    found = [RsvpRow(*row) for row in rows]
    audit(
        session,
        Audit.ANNOUNCEMENT_EXPORT,
        at=now,
        actor_id=actor.id,
        announcement_id=item.id,
        rows=len(found),
    )
    return found


def rsvp_sheet(
    title: str, rows: list[RsvpRow], t: Callable[[str], str], regions: Regions, tz: ZoneInfo
) -> bytes:
    """The RSVP list as an .xlsx file, labelled in the reader's language (`t`)."""
    header = [t(f"announce-export-{column}") for column in EXPORT_COLUMNS]
    table: list[list[object]] = [
        [
            row.name,
            regions.name_of(row.kecamatan_code),
            regions.name_of(row.kelurahan_code),
            t(f"announce-delivery-{row.delivery}"),
            t(f"rsvp-answer-{row.answer or 'none'}"),
            local(row.answered_at, tz),
            local(row.attended_at, tz),
        ]
        for row in rows
    ]
    return workbook([Sheet(title or "RSVP", header, table)])
