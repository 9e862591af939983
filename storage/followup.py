"""Cross-sector referrals of a case and their outcomes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class Referral(Base):
    """A case referred to one sector (Dinkes, Disdukcapil, UPTD PPA...), awaiting its outcome."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sector: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    referred_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # /rekap counts a period's referrals by this column.
    referred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome_at: Mapped[datetime | None]
    # Pending referrals nudge their coordinator when this passes; cleared by an outcome.
    next_nudge_at: Mapped[datetime | None] = mapped_column(index=True)
