"""Queueing messages for delivery: outbox rows per recipient, their counts, and completion hooks.

Features queue a campaign (a kind and the id of what it delivers) in their own transaction;
`bot.outbox_sender` delivers it at Telegram's pace and calls the kind's hooks once nothing of
the campaign is left pending.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotContext
from storage.models import Role, User, UserStatus
from storage.outbox import DeliveryStatus, OutboxCampaign, OutboxMessage

Buttons = list[list[tuple[str, str]]]
CampaignDone = Callable[[BotContext, int], Awaitable[None]]
_hooks: dict[str, list[CampaignDone]] = {}


@dataclass
class Payload:
    """What one recipient receives: HTML text (the caption when there is a photo or document)."""

    text: str
    photo: str | None = None
    document: str | None = None
    buttons: Buttons | None = None
    # Ids of stored files (bot.outbox_media) sent as photos: one photo, or an album.
    media: list[int] | None = None

    def to_json(self) -> dict[str, Any]:
        buttons = None
        if self.buttons:
            buttons = [
                [{"text": label, "callback_data": data} for label, data in row]
                for row in self.buttons
            ]
        return {
            "text": self.text,
            "photo": self.photo,
            "document": self.document,
            "buttons": buttons,
            "media": self.media,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Payload:
        rows = data.get("buttons") or None
        return cls(
            text=data["text"],
            photo=data.get("photo"),
            document=data.get("document"),
            buttons=[[(b["text"], b["callback_data"]) for b in row] for row in rows]
            if rows
            else None,
            media=data.get("media") or None,
        )


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    campaign_id: int,
    recipients: Sequence[User],
    payload: Payload,
    not_before: datetime,
) -> int:
    """Queue `payload` for each active recipient not queued yet; returns how many were added."""
    queued = set(
        await session.scalars(
            select(OutboxMessage.user_id).where(
                OutboxMessage.kind == kind, OutboxMessage.campaign_id == campaign_id
            )
        )
    )
    rows: list[dict[str, Any]] = []
    for user in recipients:
        if user.status != UserStatus.ACTIVE or user.id in queued:
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


async def audience_users(session: AsyncSession, audience: dict[str, Any]) -> list[User]:
    """Active users of an audience: {"all": true} PSM, {"kecamatan": [codes]} their PSM,
    or {"coordinators": true} coordinators and admins."""
    query = select(User).where(User.status == UserStatus.ACTIVE).order_by(User.id)
    if audience.get("coordinators"):
        query = query.where(User.role.in_([Role.COORDINATOR, Role.ADMIN]))
    elif audience.get("all"):
        query = query.where(User.role == Role.PSM)
    elif "kecamatan" in audience:
        query = query.where(User.role == Role.PSM, User.kecamatan_code.in_(audience["kecamatan"]))
    else:
        raise ValueError(f"unknown audience {audience!r}")
    return list(await session.scalars(query))


def on_campaign_done(kind: str, callback: CampaignDone) -> None:
    """Call `callback(context, campaign_id)` when a campaign of `kind` has nothing pending.

    It runs at least once per campaign (again after a crash in the middle of it), so it must
    be idempotent; registering the same callback twice is harmless.
    """
    callbacks = _hooks.setdefault(kind, [])
    if callback not in callbacks:
        callbacks.append(callback)


def campaign_done_hooks(kind: str) -> list[CampaignDone]:
    return list(_hooks.get(kind, ()))
