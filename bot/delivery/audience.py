"""Who may address whom: the one rule that announcements and broadcasts both enforce."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeGuard

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy.access import scope_of
from bot.reference.regions import Kecamatan, Regions
from storage.people import Role, User, UserStatus


class AudienceMode(StrEnum):
    ALL = "all"
    MINE = "mine"
    PICK = "pick"
    COORDINATORS = "coordinators"


# The author may no longer address anyone: their role or areas changed while composing.
NOT_ALLOWED = "not-allowed"


class AudienceRefused(Exception):
    """The audience is empty or beyond what the author may address."""


def may_address(user: User | None) -> TypeGuard[User]:
    """Active admins, and active coordinators who have at least one kecamatan."""
    return scope_of(user).oversees


def audience_modes(user: User) -> list[AudienceMode]:
    """Admins address anyone; a coordinator only the PSM of their own kecamatan."""
    if user.role == Role.ADMIN:
        return [AudienceMode.ALL, AudienceMode.PICK, AudienceMode.COORDINATORS]
    if len(user.area_codes) > 1:
        return [AudienceMode.MINE, AudienceMode.PICK]
    return [AudienceMode.MINE]


def may_pick(user: User, kecamatan_code: str) -> bool:
    return scope_of(user).covers_area(kecamatan_code)


def choosable_kecamatan(user: User, regions: Regions) -> list[Kecamatan]:
    return [k for k in regions.kecamatan if may_pick(user, k.code)]


@dataclass(frozen=True)
class Rights:
    """What an author may address, fixed when composing starts; confirming checks again."""

    modes: list[str]
    choosable: list[str]


def rights_of(user: User | None, regions: Regions) -> Rights | None:
    """The author's rights now, or None when they may address nobody."""
    if not may_address(user):
        return None
    modes = [str(mode) for mode in audience_modes(user)]
    return Rights(modes, [kecamatan.code for kecamatan in choosable_kecamatan(user, regions)])


@dataclass(frozen=True)
class Audience:
    """Who a broadcast or an announcement goes to: every PSM, the PSM of some kecamatan, or the
    coordinators and admins. Stored as JSON with the broadcast or announcement."""

    everyone: bool = False
    kecamatan: tuple[str, ...] = ()
    coordinators: bool = False

    def to_json(self) -> dict[str, Any]:
        if self.coordinators:
            return {"coordinators": True}
        if self.everyone:
            return {"all": True}
        return {"kecamatan": list(self.kecamatan)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        if data.get("coordinators"):
            return cls(coordinators=True)
        if data.get("all"):
            return cls(everyone=True)
        if "kecamatan" in data:
            return cls(kecamatan=tuple(data["kecamatan"]))
        raise ValueError(f"unknown audience {data!r}")

    async def users(self, session: AsyncSession) -> list[User]:
        """Its active members, in a stable order."""
        query = select(User).where(User.status == UserStatus.ACTIVE).order_by(User.id)
        if self.coordinators:
            query = query.where(User.role.in_([Role.COORDINATOR, Role.ADMIN]))
        elif self.everyone:
            query = query.where(User.role == Role.PSM)
        else:
            query = query.where(User.role == Role.PSM, User.kecamatan_code.in_(self.kecamatan))
        return list(await session.scalars(query))


def resolve_audience(user: User | None, mode: str | None, chosen: Sequence[str]) -> Audience:
    """The audience of the author's choice, refusing anything outside their reach.

    Checked again when a draft is confirmed: the author's role or areas may have changed since
    the buttons were shown, and callback data can be forged.
    """
    if not may_address(user):
        raise AudienceRefused("forbidden")
    if mode not in audience_modes(user):
        raise AudienceRefused("forbidden")
    if mode == AudienceMode.ALL:
        return Audience(everyone=True)
    if mode == AudienceMode.COORDINATORS:
        return Audience(coordinators=True)
    if mode == AudienceMode.MINE:
        return Audience(kecamatan=tuple(sorted(user.area_codes)))
    if not chosen:
        raise AudienceRefused("empty")
    if not all(may_pick(user, code) for code in chosen):
        raise AudienceRefused("forbidden")
    return Audience(kecamatan=tuple(sorted(set(chosen))))
