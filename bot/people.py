"""Registration and roles: roster matching, pending approvals, admins from settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    AuditEntry,
    CoordinatorArea,
    Role,
    RosterEntry,
    User,
    UserStatus,
)


async def get_user(session: AsyncSession, telegram_id: int) -> User | None:
    return await session.scalar(select(User).where(User.telegram_id == telegram_id))


async def welcome_back(session: AsyncSession, telegram_id: int, now: datetime) -> User | None:
    """The user, reactivated if the outbox had found them blocking the bot: they wrote again."""
    user = await get_user(session, telegram_id)
    if user is not None and user.status == UserStatus.BLOCKED:
        user.status = UserStatus.ACTIVE
        session.add(AuditEntry(actor_id=user.id, action="user.unblocked_bot", at=now))
    return user


async def ensure_admins(session: AsyncSession, admin_ids: Iterable[int]) -> None:
    """Make every ADMIN_IDS account an active admin, whether or not it has written yet."""
    for telegram_id in admin_ids:
        user = await get_user(session, telegram_id)
        if user is None:
            session.add(
                User(
                    telegram_id=telegram_id,
                    full_name="Admin",
                    role=Role.ADMIN,
                    status=UserStatus.ACTIVE,
                )
            )
        else:
            user.role, user.status = Role.ADMIN, UserStatus.ACTIVE


async def activate_from_roster(
    session: AsyncSession, telegram_id: int, phone: str, locale: str
) -> User | None:
    """Activate the caller at once when their verified phone is on the roster."""
    entry = await session.scalar(select(RosterEntry).where(RosterEntry.phone == phone))
    if entry is None:
        return None
    user = await get_user(session, telegram_id) or User(telegram_id=telegram_id)
    session.add(user)
    user.phone, user.full_name, user.locale = phone, entry.full_name, locale
    user.role = entry.role
    user.status = UserStatus.ACTIVE
    user.kelurahan_code = entry.kelurahan_code
    user.kecamatan_code = entry.kelurahan_code[:6] if entry.kelurahan_code else None
    user.areas = [CoordinatorArea(kecamatan_code=code) for code in entry.kecamatan_codes]
    await session.flush()
    session.add(
        AuditEntry(actor_id=user.id, action="user.activate_roster", detail={"phone": phone})
    )
    return user


async def phone_taken(session: AsyncSession, telegram_id: int, phone: str) -> bool:
    """True when another Telegram account already registered this phone."""
    other = await session.scalar(select(User).where(User.phone == phone))
    return other is not None and other.telegram_id != telegram_id


@dataclass(frozen=True)
class Registration:
    telegram_id: int
    phone: str
    full_name: str
    kelurahan_code: str
    locale: str


async def submit_application(session: AsyncSession, form: Registration) -> User:
    """Queue a self-registration for a coordinator's decision."""
    user = await get_user(session, form.telegram_id) or User(telegram_id=form.telegram_id)
    session.add(user)
    user.phone, user.full_name, user.locale = form.phone, form.full_name, form.locale
    user.kelurahan_code, user.kecamatan_code = form.kelurahan_code, form.kelurahan_code[:6]
    user.role, user.status = Role.PSM, UserStatus.PENDING
    await session.flush()
    return user


async def reviewers_for(session: AsyncSession, kecamatan_code: str | None) -> list[User]:
    """The active coordinators of a kecamatan, or the admins when it has none."""
    coordinators = list(
        await session.scalars(
            select(User)
            .join(CoordinatorArea)
            .where(
                CoordinatorArea.kecamatan_code == (kecamatan_code or ""),
                User.status == UserStatus.ACTIVE,
                User.role == Role.COORDINATOR,
            )
        )
    )
    if coordinators:
        return coordinators
    return list(
        await session.scalars(
            select(User).where(User.role == Role.ADMIN, User.status == UserStatus.ACTIVE)
        )
    )


def may_review(reviewer: User | None, kecamatan_code: str | None) -> bool:
    """Admins review everyone; coordinators only people of their own kecamatan."""
    if reviewer is None or reviewer.status != UserStatus.ACTIVE:
        return False
    if reviewer.role == Role.ADMIN:
        return True
    return reviewer.role == Role.COORDINATOR and kecamatan_code in reviewer.area_codes


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
    session.add(
        AuditEntry(
            actor_id=reviewer.id,
            action="user.approve" if approve else "user.reject",
            detail={"user_id": applicant.id},
        )
    )
    return applicant
