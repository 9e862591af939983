"""Broadcasts (/siaran): the draft, queueing it, and its delivery report."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import (
    AudienceRefused,
    Payload,
    counts,
    enqueue,
    enqueue_localized,
    resolve_audience,
)
from bot.privacy.audit import Audit, audit
from bot.runtime.context import BotContext
from bot.runtime.texts import Html, Texts
from storage.broadcasts import Broadcast
from storage.delivery import Lane
from storage.people import User

BROADCAST = "broadcast"
REPORT = "broadcast_report"
# Telegram allows 4096 characters in a message and 1024 in a photo's caption; the header that
# names the sender takes the rest.
TEXT_LENGTH = (5, 3500)
CAPTION_LENGTH = (5, 900)


@dataclass
class BroadcastDraft:
    """A broadcast being composed: the /siaran conversation's answers until it is queued."""

    # Confirming is idempotent by this id when a crash repeats the last step.
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    text: str | None = None  # HTML, the author's formatting kept and everything else escaped
    photo: str | None = None
    mode: str | None = None
    kecamatan: list[str] = field(default_factory=list)
    # Fixed when composing starts (name shown to recipients, what the author may choose);
    # queueing checks the author's rights again.
    author: str = ""
    modes: list[str] = field(default_factory=list)
    choosable: list[str] = field(default_factory=list)


def payload_for(texts: Texts, locale: str, draft: BroadcastDraft) -> Payload:
    """The message as recipients see it: the sender's name, then the author's text."""
    body = Html(draft.text or "")
    text = texts.get(locale, "broadcast-message", author=draft.author, body=body)
    return Payload(text=text, photo=draft.photo)


async def queue_broadcast(
    session: AsyncSession, author: User, draft: BroadcastDraft, texts: Texts, now: datetime
) -> tuple[Broadcast, int]:
    """Write the broadcast and one outbox row per recipient; confirming twice queues it once."""
    existing = await session.scalar(select(Broadcast).where(Broadcast.draft_id == draft.id))
    if existing is not None:
        return existing, (await counts(session, BROADCAST, existing.id)).total
    audience = resolve_audience(author, draft.mode, draft.kecamatan)
    recipients = await audience.users(session)
    if not recipients:
        raise AudienceRefused("nobody")
    broadcast = Broadcast(
        draft_id=draft.id,
        author_id=author.id,
        text=draft.text,
        photo_file_id=draft.photo,
        audience=audience.to_json(),
        created_at=now,
    )
    session.add(broadcast)
    await session.flush()
    queued = await enqueue_localized(
        session,
        kind=BROADCAST,
        campaign_id=broadcast.id,
        recipients=recipients,
        build=lambda locale: payload_for(texts, locale, replace(draft, author=author.full_name)),
        default_locale=texts.default_locale,
        not_before=now,
    )
    audit(
        session,
        Audit.BROADCAST_CREATE,
        at=now,
        actor_id=author.id,
        broadcast_id=broadcast.id,
        audience=audience.to_json(),
        recipients=queued,
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
        delivery = await counts(session, BROADCAST, broadcast_id)
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
        await enqueue(
            session,
            kind=REPORT,
            campaign_id=broadcast_id,
            recipients=[author],
            payload=Payload(text=text),
            not_before=now,
            lane=Lane.PERSONAL,
        )
