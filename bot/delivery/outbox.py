"""Queueing messages for delivery: outbox rows per recipient, and where a campaign stands.

Every message the bot sends on its own initiative is queued here, in the transaction of its
cause (a case, a change, a decision, a due nudge), as one row per recipient of a campaign (the
kind and id of what it delivers). `bot.delivery.sender` sends the rows at Telegram's pace,
personal lanes first, and runs the completion hook of a kind once a campaign has nothing left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.payload import Payload
from storage.delivery import DeliveryStatus, Lane, OutboxCampaign, OutboxMessage
from storage.people import UNREACHABLE, User, UserStatus

# The one message a deactivated person still gets, queued as the account closes: why, and
# whom to ask (bot.people words it).
FAREWELL = "person_farewell"


def reachable(status: str, kind: str) -> bool:
    """Whether a message of `kind` may go to someone whose account is `status`."""
    return status not in UNREACHABLE or (kind == FAREWELL and status == UserStatus.INACTIVE)


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    campaign_id: int,
    recipients: Sequence[User],
    payload: Payload,
    not_before: datetime,
    lane: Lane = Lane.BULK,
) -> int:
    """Queue `payload` for each reachable recipient not queued yet; returns how many were added."""
    queued = set(
        await session.scalars(
            select(OutboxMessage.user_id).where(
                OutboxMessage.kind == kind, OutboxMessage.campaign_id == campaign_id
            )
        )
    )
    rows: list[dict[str, Any]] = []
    for user in recipients:
        if not reachable(user.status, kind) or user.id in queued:
            continue
        queued.add(user.id)
        rows.append(
            {
                "kind": kind,
                "campaign_id": campaign_id,
                "user_id": user.id,
                "chat_id": user.telegram_id,
                "payload": payload.to_json(),
                "status": DeliveryStatus.PENDING,
                "attempts": 0,
                "not_before": not_before,
                "priority": lane,
            }
        )
    if rows:
        await session.execute(insert(OutboxMessage), rows)
    campaign = await session.get(OutboxCampaign, (kind, campaign_id))
    if campaign is None:
        session.add(OutboxCampaign(kind=kind, campaign_id=campaign_id))
    elif rows:
        campaign.done_at = None
    await session.flush()
    return len(rows)


async def enqueue_localized(
    session: AsyncSession,
    *,
    kind: str,
    campaign_id: int,
    recipients: Sequence[User],
    build: Callable[[str], Payload],
    default_locale: str,
    not_before: datetime,
    lane: Lane = Lane.BULK,
) -> int:
    """Like `enqueue`, with each recipient's payload built in their own language."""
    by_locale: dict[str, list[User]] = {}
    for user in recipients:
        by_locale.setdefault(user.locale or default_locale, []).append(user)
    queued = 0
    for locale, users in by_locale.items():
        queued += await enqueue(
            session,
            kind=kind,
            campaign_id=campaign_id,
            recipients=users,
            payload=build(locale),
            not_before=not_before,
            lane=lane,
        )
    return queued


async def cancel_pending(session: AsyncSession, kind: str, campaign_id: int) -> int:
    """Withdraw the campaign's rows not yet claimed by the sender; returns how many."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.kind == kind,
            OutboxMessage.campaign_id == campaign_id,
            OutboxMessage.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.CANCELLED)
    )
    return int(getattr(result, "rowcount", 0))


@dataclass(frozen=True)
class DeliveryCounts:
    """Where a campaign's messages are; pending includes those being sent right now."""

    pending: int = 0
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.sent + self.blocked + self.failed + self.cancelled


async def counts(session: AsyncSession, kind: str, campaign_id: int) -> DeliveryCounts:
    rows = await session.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.kind == kind, OutboxMessage.campaign_id == campaign_id)
        .group_by(OutboxMessage.status)
    )
    by_status: dict[str, int] = {status: number for status, number in rows}
    return DeliveryCounts(
        pending=by_status.get(DeliveryStatus.PENDING, 0) + by_status.get(DeliveryStatus.SENDING, 0),
        sent=by_status.get(DeliveryStatus.SENT, 0),
        blocked=by_status.get(DeliveryStatus.BLOCKED, 0),
        failed=by_status.get(DeliveryStatus.FAILED, 0),
        cancelled=by_status.get(DeliveryStatus.CANCELLED, 0),
    )
