"""Registration: roster matching, self-registration, unblocking, admins from settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.directory import get_user
from bot.privacy.audit import Audit, audit
from storage.people import CoordinatorArea, Role, RosterEntry, User, UserStatus


async def welcome_back(session: AsyncSession, telegram_id: int, now: datetime) -> User | None:
    """The user, reactivated if the outbox had found them blocking the bot: they wrote again."""
    user = await get_user(session, telegram_id)
    if user is not None and user.status == UserStatus.BLOCKED:
        user.status = UserStatus.ACTIVE
        audit(session, Audit.USER_UNBLOCKED_BOT, at=now, actor_id=user.id)
    return user


async def ensure_admins(session: AsyncSession, admin_ids: Iterable[int], now: datetime) -> None:
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
                    created_at=now,
                )
            )
        else:
            user.role, user.status = Role.ADMIN, UserStatus.ACTIVE


async def activate_from_roster(
    session: AsyncSession, telegram_id: int, phone: str, locale: str, now: datetime
) -> User | None:
    """Activate the caller at once when their verified phone is on the roster."""
    entry = await session.scalar(select(RosterEntry).where(RosterEntry.phone == phone))
    if entry is None:
        return None
    user = await get_user(session, telegram_id) or User(telegram_id=telegram_id, created_at=now)
    session.add(user)
    # They are writing to the bot right now: active from this first message on.
    user.last_seen_at = now
    user.phone, user.full_name, user.locale = phone, entry.full_name, locale
    user.role = entry.role
    user.status = UserStatus.ACTIVE
    user.kelurahan_code = entry.kelurahan_code
    user.kecamatan_code = entry.kelurahan_code[:6] if entry.kelurahan_code else None
    user.areas = [CoordinatorArea(kecamatan_code=code) for code in entry.kecamatan_codes]
    await session.flush()
    audit(session, Audit.USER_ACTIVATE_ROSTER, at=now, actor_id=user.id)
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


async def submit_application(session: AsyncSession, form: Registration, now: datetime) -> User:
    """Queue a self-registration for a coordinator's decision."""
    user = await get_user(session, form.telegram_id)
    user = user or User(telegram_id=form.telegram_id, created_at=now)
    session.add(user)
    user.last_seen_at = now
    user.phone, user.full_name, user.locale = form.phone, form.full_name, form.locale
    user.kelurahan_code, user.kecamatan_code = form.kelurahan_code, form.kelurahan_code[:6]
    user.role, user.status = Role.PSM, UserStatus.PENDING
    await session.flush()
    return user
