"""Coordinators decide pending registrations of their kecamatan; admins any."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.directory import get_user
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from storage.people import User, UserStatus


def may_review(reviewer: User | None, kecamatan_code: str | None) -> bool:
    """Admins review everyone; coordinators only people of their own kecamatan."""
    return scope_of(reviewer).covers_area(kecamatan_code)


class DecisionRefused(Exception):
    def __init__(self, reason: str, applicant: User | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.applicant = applicant


async def decide(
    session: AsyncSession,
    reviewer_telegram_id: int,
    applicant_id: int,
    approve: bool,
    now: datetime,
) -> User:
    """Approve or reject a pending registration; refuse when not allowed or already decided."""
    reviewer = await get_user(session, reviewer_telegram_id)
    applicant = await session.get(User, applicant_id, with_for_update=True)
    if applicant is None:
        raise DecisionRefused("unknown")
    if not may_review(reviewer, applicant.kecamatan_code):
        raise DecisionRefused("forbidden", applicant)
    if applicant.status != UserStatus.PENDING:
        raise DecisionRefused("decided", applicant)
    assert reviewer is not None
    applicant.status = UserStatus.ACTIVE if approve else UserStatus.REJECTED
    applicant.decided_by_id, applicant.decided_at = reviewer.id, now
    action = Audit.USER_APPROVE if approve else Audit.USER_REJECT
    audit(session, action, at=now, actor_id=reviewer.id, user_id=applicant.id)
    return applicant
