"""Insight (/rekap): the record of each monthly report, written when its messages are queued."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class MonthlyReport(Base):
    """One row per reported month; its existence is what keeps a restart from sending it twice."""

    __tablename__ = "insight_monthly_reports"

    # YYYYMM of the month reported on; also the outbox campaign id of its messages.
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    month: Mapped[date] = mapped_column(Date)
    queued_at: Mapped[datetime]
    recipients: Mapped[int]
