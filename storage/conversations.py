"""What the bot remembers of each chat between updates: conversations in progress, language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class ConversationDraft(Base):
    """One conversation in progress: its step and answers, written before the next question.

    The row is the conversation's state (PTB's ConversationHandler reads its step on start), so a
    kill between two updates loses no acknowledged answer. A new conversation is a new row (a new
    id), which the idle-draft reminder uses as its outbox campaign.
    """

    __tablename__ = "conversation_drafts"
    __table_args__ = (
        UniqueConstraint("telegram_id", "conversation", name="uq_conversation_drafts_user"),
        # Idle drafts not yet reminded are one range scan.
        Index("ix_conversation_drafts_idle", "conversation", "reminded_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    conversation: Mapped[str] = mapped_column(String(32))
    step: Mapped[int]
    data: Mapped[dict[str, Any]]
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    reminded_at: Mapped[datetime | None]


class ChatPreference(Base):
    """The language a Telegram account chose with /bahasa, registered or not."""

    __tablename__ = "chat_preferences"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str] = mapped_column(String(5))
