"""A person's history (moves, roles, deactivations) and their requests to move elsewhere."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class PersonEvent(Base):
    """One entry of a person's history: who changed what about them, when.

    Facts are kept as codes (kelurahan, role, reason) and named in the reader's language.
    """

    __tablename__ = "person_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # The person themself for what they did in /profil; None for the roster import on the server.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime]


class MoveStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    # Another request, a move by a coordinator or leaving made it moot.
    WITHDRAWN = "withdrawn"


class MoveRequest(Base):
    """A PSM's request to serve another kelurahan, waiting for a coordinator's decision."""

    __tablename__ = "move_requests"
    __table_args__ = (Index("ix_move_requests_user_status", "user_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kelurahan_code: Mapped[str] = mapped_column(String(13))
    status: Mapped[str] = mapped_column(String(12), default=MoveStatus.PENDING)
    requested_at: Mapped[datetime]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
