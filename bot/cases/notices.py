"""Queueing what people must be told about a case, in the transaction of what happened."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.file_notices import files_line, files_with, new_files, send_files_after
from bot.cases.messages import CaseMessages
from bot.cases.work import Change
from bot.delivery import Payload, enqueue, enqueue_localized
from bot.people import reviewers_for
from storage.cases import Case, CasePhoto, Urgency
from storage.delivery import Lane
from storage.people import User

ALERT = "case_alert"
# The alert's map pin: a message of its own, queued with the alert in the same lane.
ALERT_PLACE = "case_alert_place"
NOTICE = "case_notice"


async def alert_reviewers(
    session: AsyncSession,
    messages: CaseMessages,
    case: Case,
    reporter: User,
    now: datetime,
    earlier: Sequence[Case] = (),
) -> int:
    """Queue the new case's alert for its coordinators (or the admins), then its map pin when
    GPS was given, then its voice notes and documents, each waiting for the one before it;
    Darurat jumps the queue.

    They oversee the case, so the alert names every earlier case about the same person."""
    photos = await session.scalar(select(func.count()).where(CasePhoto.case_id == case.id)) or 0
    recipients = await reviewers_for(session, case.kecamatan_code)
    lane = Lane.URGENT if case.urgency == Urgency.DARURAT else Lane.PERSONAL
    files = await new_files(session, case.id)

    def build(locale: str) -> Payload:
        payload = messages.alert(locale, case, reporter, photos, earlier)
        if files:
            payload.text += "\n\n" + files_line(messages, locale, files)
        return payload

    queued = await enqueue_localized(
        session,
        kind=ALERT,
        campaign_id=case.id,
        recipients=recipients,
        build=build,
        default_locale=messages.services.settings.default_locale,
        not_before=now,
        lane=lane,
    )
    pin = messages.place(case)
    last = (ALERT, case.id)
    if pin is not None:
        # Queued after the alert, and waiting while it is unsent (a 500 on the alert), so each
        # recipient gets the text first, then where it is.
        pin.after, last = list(last), (ALERT_PLACE, case.id)
        await enqueue(
            session,
            kind=ALERT_PLACE,
            campaign_id=case.id,
            recipients=recipients,
            payload=pin,
            not_before=now,
            lane=lane,
        )
    await send_files_after(session, messages, last, case, files, recipients, now, lane)
    return queued


async def tell_other_side(
    session: AsyncSession, messages: CaseMessages, change: Change, now: datetime
) -> int:
    """Queue the change for the reporter (a coordinator acted) or the coordinators (the PSM did)."""
    case = change.case
    if change.actor.id == case.reporter_id:
        recipients = await reviewers_for(session, case.kecamatan_code)
    else:
        reporter = await session.get(User, case.reporter_id)
        recipients = [reporter] if reporter else []
    recipients = [user for user in recipients if user.id != change.actor.id]
    queued = await enqueue_localized(
        session,
        kind=NOTICE,
        campaign_id=change.event.id,
        recipients=recipients,
        build=lambda locale: messages.notice(locale, case, change.event, change.actor),
        default_locale=messages.services.settings.default_locale,
        not_before=now,
        lane=Lane.PERSONAL,
    )
    files = await files_with(session, change.event.id)
    after = (NOTICE, change.event.id)
    await send_files_after(session, messages, after, case, files, recipients, now, Lane.PERSONAL)
    return queued
