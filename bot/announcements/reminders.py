"""The reminder tick: due reminders become outbox rows, the day before and two hours before.

The schedule is rows (announcement_reminders.due_at); the job only ticks. A reminder is marked
done in the same transaction that queues its outbox rows, and the outbox key (kind, reminder id,
user) is unique, so a restart or a second tick neither repeats nor loses one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.changes import received_by
from bot.announcements.messages import AnnouncementMessages
from bot.announcements.publish import reminder_expiry
from bot.runtime.context import BotApp, BotContext
from storage.announcements import (
    Announcement,
    AnnouncementReminder,
    AnnouncementStatus,
    ReminderKind,
    Rsvp,
    RsvpAnswer,
)
from storage.people import User, UserStatus

JOB_NAME = "announcement_reminders"
TICK_SECONDS = 60
BATCH = 200


async def reminder_recipients(session: AsyncSession, item: Announcement, kind: str) -> list[User]:
    """Two hours before: those who said Hadir. The day before: also those yet to answer."""
    rows = await session.execute(
        select(Rsvp.user_id, Rsvp.answer).where(Rsvp.announcement_id == item.id)
    )
    answers = {user_id: answer for user_id, answer in rows}
    wanted = (RsvpAnswer.YES,) if kind == ReminderKind.HOURS else (RsvpAnswer.YES, None)
    return [
        user
        for user in await received_by(session, item.id)
        if user.status == UserStatus.ACTIVE and answers.get(user.id) in wanted
    ]


async def queue_reminder(
    session: AsyncSession, messages: AnnouncementMessages, reminder_id: int, now: datetime
) -> int:
    """Queue one due reminder and mark it done; a late or obsolete one is only marked."""
    announcement_id = await session.scalar(
        select(AnnouncementReminder.announcement_id).where(AnnouncementReminder.id == reminder_id)
    )
    # The announcement first, in the same order a reschedule or cancel locks: one of them then
    # waits for the other, so a reminder cannot be queued with the old time as the event moves.
    item = await session.get(Announcement, announcement_id, with_for_update=True)
    reminder = await session.get(AnnouncementReminder, reminder_id, with_for_update=True)
    if item is None or reminder is None or reminder.done_at is not None:
        return 0
    reminder.done_at = now
    if item.status != AnnouncementStatus.SCHEDULED or now >= reminder_expiry(
        reminder.kind, item.starts_at
    ):
        return 0
    return await messages.enqueue(
        session,
        kind=reminder.kind,
        campaign_id=reminder.id,
        recipients=await reminder_recipients(session, item, reminder.kind),
        build=lambda locale: messages.reminder(locale, item, reminder.kind),
        not_before=now,
    )


async def remind(context: BotContext) -> None:
    """Find every due reminder with one query, then queue each in its own transaction."""
    services = context.services
    now = services.clock.now()
    messages = AnnouncementMessages(services.texts, services.settings)
    async with services.sessions() as session:
        due = list(
            await session.scalars(
                select(AnnouncementReminder.id)
                .where(AnnouncementReminder.done_at.is_(None), AnnouncementReminder.due_at <= now)
                .order_by(AnnouncementReminder.due_at)
                .limit(BATCH)
            )
        )
    for reminder_id in due:
        async with services.sessions.begin() as session:
            await queue_reminder(session, messages, reminder_id, now)


def schedule(application: BotApp) -> None:
    """Tick every minute: reminders are hours apart, so a minute late is on time."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        remind,
        interval=TICK_SECONDS,
        first=TICK_SECONDS,
        name=JOB_NAME,
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
