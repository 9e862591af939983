"""The outbox: one row per message to deliver, its campaign, and the broadcasts that fill it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    # Claimed by the sender; after a crash it goes back to pending on the next start.
    SENDING = "sending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OutboxMessage(Base):
    """One message to one user, sent when due; the campaign is whatever (kind, id) queued it."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        UniqueConstraint("kind", "campaign_id", "user_id", name="uq_outbox_recipient"),
        # Due rows, oldest first, are one range scan of this index.
        Index("ix_outbox_due", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[int]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # {"text": html, "photo": file_id | None, "document": file_id | None, "buttons": rows | None,
    #  "media": [outbox_attachments ids] | None}
    payload: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)


class OutboxCampaign(Base):
    """A (kind, id) that queued messages; done_at is set once its completion hooks have run."""

    __tablename__ = "outbox_campaigns"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    done_at: Mapped[datetime | None] = mapped_column(index=True)


class Broadcast(Base):
    """A coordinator's free-text message to an audience (/siaran); its sends are outbox rows."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The compose draft's id makes confirming idempotent when a crash repeats the last step.
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(200))
    # {"all": true} | {"kecamatan": [codes]} | {"coordinators": true}, as bot.outbox reads it.
    audience: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    # Set in the transaction that queues the author's delivery report, so it goes once.
    reported: Mapped[bool] = mapped_column(default=False)
