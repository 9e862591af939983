"""Finding people: a user by Telegram id, and who reviews a kecamatan."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.people import CoordinatorArea, Role, User, UserStatus


async def get_user(session: AsyncSession, telegram_id: int) -> User | None:
    """The account, with a coordinator's kecamatan."""
    return await session.scalar(select(User).where(User.telegram_id == telegram_id))


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


async def set_locale(session: AsyncSession, telegram_id: int, locale: str) -> None:
    """Messages others trigger reach a registered user in the language they chose."""
    user = await get_user(session, telegram_id)
    if user is not None:
        user.locale = locale


async def admins(session: AsyncSession) -> list[User]:
    return list(
        await session.scalars(
            select(User).where(User.role == Role.ADMIN, User.status == UserStatus.ACTIVE)
        )
    )


async def colleagues(session: AsyncSession, person: User, limit: int = 8) -> list[User]:
    """Other active PSM of the person's kelurahan, by name: who may take over their cases."""
    return list(
        await session.scalars(
            select(User)
            .where(
                User.role == Role.PSM,
                User.status == UserStatus.ACTIVE,
                User.kelurahan_code == person.kelurahan_code,
                User.id != person.id,
            )
            .order_by(User.full_name, User.id)
            .limit(limit)
        )
    )
