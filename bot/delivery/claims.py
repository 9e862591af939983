"""An outbox row's life in the sender: claimed when due, then sent, blocked, retried or failed.

Each function is one step of a unit of work that the sender opens and commits; none commits.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import Exists

from bot.delivery.outbox import reachable
from bot.privacy.audit import Audit, audit
from storage.cases import CaseMessage
from storage.db import Sessions
from storage.delivery import DeliveryStatus, Lane, OutboxCampaign, OutboxMessage
from storage.people import User, UserStatus

UNFINISHED = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)


@dataclass(frozen=True)
class Claimed:
    """A row the sender is about to send; `attempts` counts this one."""

    id: int
    user_id: int
    chat_id: int
    payload: dict[str, Any]
    lane: Lane
    attempts: int
    not_before: datetime
    last_error: str | None


@dataclass(frozen=True)
class Outcome:
    """What became of one send: a final status, or pending again from `retry_at` on."""

    status: DeliveryStatus
    at: datetime
    error: str | None = None
    message_id: int | None = None
    retry_at: datetime | None = None
    # A flood wait is Telegram's pace, not a fault of this message: it does not use up a try.
    refund_attempt: bool = False
    # Not tried at all: it follows a message still unsent (Payload.after); no try is used up.
    deferred: bool = False


async def recover(session: AsyncSession) -> int:
    """Put back in the queue the rows a crash (or an error) left claimed; returns how many."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == DeliveryStatus.SENDING)
        .values(status=DeliveryStatus.PENDING)
    )
    return int(getattr(result, "rowcount", 0))


async def claim(
    session: AsyncSession, now: datetime, limit: int, busy: Set[int] = frozenset()
) -> list[Claimed]:
    """Mark up to `limit` due rows as being sent: the most urgent lane first, oldest first
    within a lane, at most one per chat and none for the `busy` chats (they wait their turn).
    Rows of recipients no longer active are cancelled and looked past."""
    claimed: list[Claimed] = []
    skip = set(busy)
    for lane in Lane:
        while len(claimed) < limit:
            query = _due(now).where(OutboxMessage.priority == lane)
            if skip:
                query = query.where(OutboxMessage.chat_id.not_in(skip))
            rows = (
                await session.execute(
                    query.order_by(OutboxMessage.not_before, OutboxMessage.id)
                    .limit(limit - len(claimed))
                    .with_for_update(skip_locked=True, of=OutboxMessage)
                )
            ).all()
            if not rows:
                break
            for row, status in rows:
                if row.chat_id not in skip and _reachable(row, status):
                    claimed.append(_claim_row(row))
                    skip.add(row.chat_id)
            # What was claimed or cancelled must not come back in the next query.
            await session.flush()
    return claimed


async def due_for(session: AsyncSession, now: datetime, chats: Set[int]) -> bool:
    """Whether any of these chats has a message due."""
    query = _due(now).where(OutboxMessage.chat_id.in_(chats)).limit(1)
    return chats != set() and (await session.execute(query)).first() is not None


def _due(now: datetime) -> Select[OutboxMessage, str]:
    return (
        select(OutboxMessage, User.status)
        .join(User, User.id == OutboxMessage.user_id)
        .where(OutboxMessage.status == DeliveryStatus.PENDING, OutboxMessage.not_before <= now)
    )


def _reachable(row: OutboxMessage, user_status: str) -> bool:
    if not reachable(user_status, row.kind):
        # Blocked the bot in another campaign since this one was queued, or deactivated.
        row.status, row.last_error = DeliveryStatus.CANCELLED, "recipient inactive"
        return False
    return True


def _claim_row(row: OutboxMessage) -> Claimed:
    row.status = DeliveryStatus.SENDING
    row.attempts += 1
    return Claimed(
        row.id,
        row.user_id,
        row.chat_id,
        row.payload,
        Lane(row.priority),
        row.attempts,
        row.not_before,
        row.last_error,
    )


async def release(session: AsyncSession, row_ids: list[int]) -> None:
    """Give back claimed rows that were never tried, as if they had not been claimed."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(row_ids), OutboxMessage.status == DeliveryStatus.SENDING)
        .values(status=DeliveryStatus.PENDING, attempts=OutboxMessage.attempts - 1)
    )


async def record(session: AsyncSession, outcomes: list[tuple[Claimed, Outcome]]) -> None:
    """Store the outcomes of sends; recipients who blocked the bot are marked blocked."""
    await session.execute(
        update(OutboxMessage),
        [
            {
                "id": row.id,
                "status": outcome.status,
                "last_error": outcome.error,
                "sent_at": outcome.at if outcome.status == DeliveryStatus.SENT else None,
                "telegram_message_id": outcome.message_id,
                "not_before": outcome.retry_at or row.not_before,
                "attempts": row.attempts - 1
                if outcome.refund_attempt or outcome.deferred
                else row.attempts,
            }
            for row, outcome in outcomes
        ],
    )
    about_cases = [
        {
            "chat_id": row.chat_id,
            "message_id": outcome.message_id,
            "case_id": row.payload["case_id"],
            "card": False,
            "at": outcome.at,
        }
        for row, outcome in outcomes
        if outcome.status == DeliveryStatus.SENT
        and outcome.message_id
        and row.payload.get("case_id")
    ]
    if about_cases:
        # A reply to an alert or a notice adds to its case (bot/cases/replies.py).
        await session.execute(insert(CaseMessage), about_cases)
    for row, outcome in outcomes:
        if outcome.status == DeliveryStatus.BLOCKED:
            await _mark_blocked(session, row.user_id, outcome)


async def _mark_blocked(session: AsyncSession, user_id: int, outcome: Outcome) -> None:
    marked = await session.execute(
        update(User)
        .where(User.id == user_id, User.status == UserStatus.ACTIVE)
        .values(status=UserStatus.BLOCKED)
    )
    if getattr(marked, "rowcount", 0):
        audit(session, Audit.USER_BLOCKED_BOT, at=outcome.at, user_id=user_id, error=outcome.error)


def _has_unfinished_rows() -> Exists:
    """Correlated to the outbox_campaigns row of the enclosing query."""
    return exists().where(
        and_(
            OutboxMessage.kind == OutboxCampaign.kind,
            OutboxMessage.campaign_id == OutboxCampaign.campaign_id,
            OutboxMessage.status.in_(UNFINISHED),
        )
    )


async def finished_campaigns(session: AsyncSession) -> list[tuple[str, int]]:
    """Campaigns with nothing left to send whose completion hooks have not run yet."""
    rows = await session.execute(
        select(OutboxCampaign.kind, OutboxCampaign.campaign_id).where(
            OutboxCampaign.done_at.is_(None), ~_has_unfinished_rows()
        )
    )
    return [(kind, campaign_id) for kind, campaign_id in rows]


async def mark_campaign_done(
    session: AsyncSession, kind: str, campaign_id: int, now: datetime
) -> None:
    """Close the campaign, unless rows were queued for it while its hooks ran."""
    await session.execute(
        update(OutboxCampaign)
        .where(
            OutboxCampaign.kind == kind,
            OutboxCampaign.campaign_id == campaign_id,
            OutboxCampaign.done_at.is_(None),
            ~_has_unfinished_rows(),
        )
        .values(done_at=now)
    )


async def lead_status(sessions: Sessions, row: Claimed, after: list[Any]) -> str | None:
    """The status of the message `row` follows (kind, campaign id) for the same user."""
    kind, campaign_id = after
    async with sessions() as session:
        status = await session.scalar(
            select(OutboxMessage.status).where(
                OutboxMessage.kind == kind,
                OutboxMessage.campaign_id == campaign_id,
                OutboxMessage.user_id == row.user_id,
            )
        )
    return status
