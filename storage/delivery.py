"""The outbox: one row per message to deliver, the campaigns that fill it, generated files."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    # Claimed by the sender; after a crash it goes back to pending on the next start.
    SENDING = "sending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Lane(IntEnum):
    """Delivery priority: the sender serves a lower lane only when the ones above are empty."""

    # A Darurat case alert: nothing may keep it waiting.
    URGENT = 0
    # Alerts, notices, approvals, nudges, reminders: one person waits for each.
    PERSONAL = 1
    # Broadcasts and announcements to many.
    BULK = 2


class OutboxMessage(Base):
    """One message to one user, sent when due; the campaign is whatever (kind, id) queued it."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        UniqueConstraint("kind", "campaign_id", "user_id", name="uq_outbox_recipient"),
        # The due rows of a lane, oldest first, are one range scan of this index.
        Index("ix_outbox_due", "status", "priority", "not_before", "id"),
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
    priority: Mapped[int] = mapped_column(SmallInteger, default=Lane.BULK)
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


class OutboxAttachment(Base):
    """One PNG an outbox payload names by id; deleted once its campaign has nothing to send."""

    __tablename__ = "outbox_attachments"
    __table_args__ = (Index("ix_outbox_attachments_campaign", "kind", "campaign_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[int]
    filename: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
