"""PTB persistence tables: conversation states and per-user data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class ConversationState(Base):
    """PTB ConversationHandler state, one row per (handler name, chat/user key)."""

    __tablename__ = "ptb_conversations"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[int]


class StoredUserData(Base):
    """PTB `context.user_data` as JSON: drafts in progress and the chosen language."""

    __tablename__ = "ptb_user_data"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
