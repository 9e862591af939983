"""Broadcasts (/siaran): a coordinator's free-text message to an audience."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


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
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    # Set in the transaction that queues the author's delivery report, so it goes once.
    reported: Mapped[bool] = mapped_column(default=False)
