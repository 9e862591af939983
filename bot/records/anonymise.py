"""Removing a person's data while keeping what statistics need (retention, erasure requests).

A case keeps its number, category, place codes, dates, urgency, status, sex and age in whole
years, its timeline's kinds and actors, and its referrals' sectors and outcomes: /rekap counts
stay right. It loses the name, NIK (cipher, mask and index, hence every link to other cases),
the reason for no NIK, birth date, address, GPS, description, every note, its photos, voice
notes and documents (with their local copies), and the messages that carried its details.
Audit rows are kept untouched: they hold ids.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import CASE_FILE, OUTBOX_BY_CASE, OUTBOX_BY_EVENT
from storage.attachments import CaseAttachment
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.conversations import ConversationDraft
from storage.delivery import DeliveryStatus, OutboxMessage
from storage.people import RosterEntry, User

# What a removed text reads as: not empty, since names are shown as they are.
REMOVED = "-"
EMPTY_PAYLOAD: dict[str, Any] = {"text": "", "photo": None, "document": None, "buttons": None}
UNSENT = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)


def messages_about(case_id: int) -> ColumnElement[bool]:
    """Outbox rows that carried this case's details (alert, notices, nudges, reminders, files)."""
    events = select(CaseEvent.id).where(CaseEvent.case_id == case_id).scalar_subquery()
    files = select(CaseAttachment.id).where(CaseAttachment.case_id == case_id).scalar_subquery()
    return or_(
        and_(OutboxMessage.kind.in_(OUTBOX_BY_CASE), OutboxMessage.campaign_id == case_id),
        and_(OutboxMessage.kind.in_(OUTBOX_BY_EVENT), OutboxMessage.campaign_id.in_(events)),
        and_(OutboxMessage.kind == CASE_FILE, OutboxMessage.campaign_id.in_(files)),
    )


async def anonymise_case(session: AsyncSession, case_id: int, now: datetime) -> None:
    """Remove the personal data of one case, in the caller's transaction."""
    # A Core update: the ORM would stamp updated_at, and the case's dates are statistics.
    await session.execute(
        update(Case)
        .where(Case.id == case_id)
        .values(
            beneficiary_name=REMOVED,
            nik_encrypted=None,
            nik_masked=None,
            nik_index=None,
            no_nik_reason=None,
            birth_date=None,
            address=REMOVED,
            latitude=None,
            longitude=None,
            description=REMOVED,
            next_nudge_at=None,
            anonymised_at=now,
            updated_at=Case.updated_at,
        )
    )
    await session.execute(delete(CasePhoto).where(CasePhoto.case_id == case_id))
    await session.execute(update(CaseEvent).where(CaseEvent.case_id == case_id).values(note=None))
    await session.execute(
        update(Referral).where(Referral.case_id == case_id).values(note=None, next_nudge_at=None)
    )
    about = messages_about(case_id)
    await session.execute(
        update(OutboxMessage)
        .where(about, OutboxMessage.status.in_(UNSENT))
        .values(status=DeliveryStatus.CANCELLED)
    )
    await session.execute(update(OutboxMessage).where(about).values(payload=EMPTY_PAYLOAD))
    # Last: the files' rows above are found through these.
    await session.execute(delete(CaseAttachment).where(CaseAttachment.case_id == case_id))


async def anonymise_user(session: AsyncSession, user: User, now: datetime) -> None:
    """Remove the name and phone of someone who left, with their roster entry and drafts."""
    if user.phone:
        await session.execute(delete(RosterEntry).where(RosterEntry.phone == user.phone))
    await session.execute(
        delete(ConversationDraft).where(ConversationDraft.telegram_id == user.telegram_id)
    )
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.user_id == user.id, OutboxMessage.status.not_in(UNSENT))
        .values(payload=EMPTY_PAYLOAD)
    )
    user.full_name, user.phone, user.anonymised_at = REMOVED, None, now
