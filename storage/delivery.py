"""The outbox: one row per message to deliver, and the campaigns that fill it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
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
    # {"text": html, "photo": file_id | None, "document": file_id | None, "buttons": rows | None}
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
