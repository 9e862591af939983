"""Broadcasts (/siaran): the draft, queueing it, and its delivery report."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import outbox
from bot.delivery.audience import AudienceRefused, resolve_audience
from bot.delivery.payload import Payload
from bot.runtime.context import BotContext
from bot.runtime.texts import Html, Texts
from storage.audit import AuditEntry
from storage.broadcasts import Broadcast
from storage.people import User

BROADCAST = "broadcast"
REPORT = "broadcast_report"
# Telegram allows 4096 characters in a message and 1024 in a photo's caption; the header that
# names the sender takes the rest.
TEXT_LENGTH = (5, 3500)
CAPTION_LENGTH = (5, 900)


@dataclass
class BroadcastDraft:
    """A broadcast being composed; lives in persisted user data until it is sent."""

    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    step: int = 0
    text: str | None = None  # HTML, the author's formatting kept and everything else escaped
    photo: str | None = None
    mode: str | None = None
    kecamatan: list[str] = field(default_factory=list)


def payload_for(texts: Texts, locale: str, author: User, draft: BroadcastDraft) -> Payload:
    """The message as recipients see it: the sender's name, then the author's text."""
    text = texts.get(
        locale, "broadcast-message", author=author.full_name, body=Html(draft.text or "")
    )
    return Payload(text=text, photo=draft.photo)


async def queue_broadcast(
    session: AsyncSession, author: User, draft: BroadcastDraft, texts: Texts, now: datetime
) -> tuple[Broadcast, int]:
    """Write the broadcast and one outbox row per recipient; confirming twice queues it once."""
    existing = await session.scalar(select(Broadcast).where(Broadcast.draft_id == draft.id))
    if existing is not None:
        return existing, (await outbox.counts(session, BROADCAST, existing.id)).total
    audience = resolve_audience(author, draft.mode, draft.kecamatan)
    recipients = await outbox.audience_users(session, audience)
    if not recipients:
        raise AudienceRefused("nobody")
    broadcast = Broadcast(
        draft_id=draft.id,
        author_id=author.id,
        text=draft.text,
        photo_file_id=draft.photo,
        audience=audience,
        created_at=now,
    )
    session.add(broadcast)
    await session.flush()
    queued = await outbox.enqueue_localized(
        session,
        kind=BROADCAST,
        campaign_id=broadcast.id,
        recipients=recipients,
        build=lambda locale: payload_for(texts, locale, author, draft),
        default_locale=texts.default_locale,
        not_before=now,
    )
    session.add(
        AuditEntry(
            actor_id=author.id,
            action="broadcast.create",
            detail={"broadcast_id": broadcast.id, "audience": audience, "recipients": queued},
            at=now,
        )
    )
    return broadcast, queued


async def report_delivery(context: BotContext, broadcast_id: int) -> None:
    """Queue the author's delivery report (sent, blocked, failed), once per broadcast."""
    services = context.services
    now = services.clock.now()
    async with services.sessions.begin() as session:
        broadcast = await session.get(Broadcast, broadcast_id, with_for_update=True)
        if broadcast is None or broadcast.reported:
            return
        broadcast.reported, broadcast.completed_at = True, now
        delivery = await outbox.counts(session, BROADCAST, broadcast_id)
        author = await session.get(User, broadcast.author_id)
        assert author is not None
        text = services.texts.get(
            author.locale or services.settings.default_locale,
            "broadcast-report",
            created=broadcast.created_at.astimezone(services.settings.tz).strftime(
                "%d-%m-%Y %H:%M"
            ),
            sent=delivery.sent,
            blocked=delivery.blocked,
            failed=delivery.failed,
        )
        await outbox.enqueue(
            session,
            kind=REPORT,
            campaign_id=broadcast_id,
            recipients=[author],
            payload=Payload(text=text),
            not_before=now,
        )


def watch_deliveries() -> None:
    """Report each broadcast to its author when the outbox has delivered it."""
    outbox.on_campaign_done(BROADCAST, report_delivery)
