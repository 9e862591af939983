"""Changing a person: deactivate, reactivate, move, role, a coordinator's kecamatan.

Each change is checked by the one rule (`scope_of`), applied to the row locked for the
change, recorded in the person's history and the audit log, and told to the person through
the outbox, all in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.directory import get_user
from bot.people.history import record
from bot.people.messages import Wording, farewell, tell
from bot.privacy.access import Scope, scope_of
from bot.privacy.audit import Audit, audit
from storage.people import CoordinatorArea, Role, User, UserStatus
from storage.people_changes import MoveRequest, MoveStatus, PersonEvent

# Who may be switched off, and who back on (a blocked account comes back by writing again).
MAY_DEACTIVATE = frozenset({UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.BLOCKED})


class ChangeRefused(Exception):
    """Not allowed ("forbidden"), outdated ("stale"), pointless ("same") or impossible."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def reach(
    session: AsyncSession, actor_telegram_id: int, user_id: int
) -> tuple[User, User, Scope]:
    """The actor, the person (locked) and the actor's scope; refused unless the person is
    someone the actor may change. An unknown id is refused alike: ids are information too."""
    actor = await get_user(session, actor_telegram_id)
    scope = scope_of(actor)
    person = await session.get(User, user_id, with_for_update=True)
    if actor is None or person is None or not scope.may_change(person):
        raise ChangeRefused("forbidden")
    return actor, person, scope


async def withdraw_move_requests(session: AsyncSession, person: User, now: datetime) -> None:
    """A move or a departure settles whatever move the person had asked for."""
    await session.execute(
        update(MoveRequest)
        .where(MoveRequest.user_id == person.id, MoveRequest.status == MoveStatus.PENDING)
        .values(status=MoveStatus.WITHDRAWN, decided_at=now)
    )


async def deactivate(
    session: AsyncSession,
    wording: Wording,
    actor: User | None,
    person: User,
    reason: str,
    now: datetime,
) -> PersonEvent:
    """Switch the person off: every command refuses them, and the outbox sends them one last
    message (why, and whom to ask) unless they left by themselves, then nothing more."""
    if person.status not in MAY_DEACTIVATE:
        raise ChangeRefused("stale")
    person.status, person.inactive_since = UserStatus.INACTIVE, now
    await withdraw_move_requests(session, person, now)
    kind = "left" if actor is person else "deactivated"
    event = await record(session, person, kind, now, actor, reason=reason)
    action = Audit.USER_LEAVE if actor is person else Audit.USER_DEACTIVATE
    audit(session, action, at=now, actor_id=actor.id if actor else None, user_id=person.id)
    if actor is not person:
        await farewell(session, wording, actor, person, event, now)
    return event


async def reactivate(
    session: AsyncSession, wording: Wording, actor: User, person: User, now: datetime
) -> None:
    if person.status != UserStatus.INACTIVE:
        raise ChangeRefused("stale")
    person.status, person.inactive_since = UserStatus.ACTIVE, None
    event = await record(session, person, "reactivated", now, actor)
    audit(session, Audit.USER_REACTIVATE, at=now, actor_id=actor.id, user_id=person.id)
    await tell(session, wording, person, event, now)


async def move(
    session: AsyncSession,
    wording: Wording,
    actor: User,
    person: User,
    kelurahan_code: str,
    now: datetime,
) -> PersonEvent:
    """Give a PSM another kelurahan: a coordinator within their kecamatan, an admin anywhere."""
    if wording.regions.get_kelurahan(kelurahan_code) is None:
        raise ChangeRefused("stale")
    if not scope_of(actor).may_move(person, kelurahan_code):
        raise ChangeRefused("forbidden")
    if person.kelurahan_code == kelurahan_code:
        raise ChangeRefused("same")
    event = await relocate(session, wording, actor, person, kelurahan_code, now)
    audit(session, Audit.USER_MOVE, at=now, actor_id=actor.id, user_id=person.id)
    return event


async def relocate(
    session: AsyncSession,
    wording: Wording,
    actor: User | None,
    person: User,
    kelurahan_code: str,
    now: datetime,
) -> PersonEvent:
    """Write the new kelurahan, its history and the notice (the caller checked and audits)."""
    before = person.kelurahan_code
    person.kelurahan_code, person.kecamatan_code = kelurahan_code, kelurahan_code[:6]
    await withdraw_move_requests(session, person, now)
    event = await record(
        session, person, "moved", now, actor, to=kelurahan_code, **{"from": before}
    )
    await tell(session, wording, person, event, now)
    return event


async def change_role(
    session: AsyncSession,
    wording: Wording,
    actor: User,
    person: User,
    role: Role,
    now: datetime,
    kelurahan_code: str | None = None,
) -> None:
    """Admins only. A new coordinator starts with the kecamatan they served as a PSM; a new
    PSM needs a kelurahan (theirs, or `kelurahan_code`)."""
    if not scope_of(actor).manages_roles:
        raise ChangeRefused("forbidden")
    if person.role == role:
        raise ChangeRefused("same")
    if kelurahan_code is not None:
        if wording.regions.get_kelurahan(kelurahan_code) is None:
            raise ChangeRefused("stale")
        person.kelurahan_code, person.kecamatan_code = kelurahan_code, kelurahan_code[:6]
    if role is Role.PSM and person.kelurahan_code is None:
        raise ChangeRefused("needs-kelurahan")
    before = person.role
    person.role = role
    if role is Role.COORDINATOR:
        start = [person.kecamatan_code] if person.kecamatan_code else []
        person.areas = [CoordinatorArea(kecamatan_code=code) for code in start]
    else:
        person.areas = []
    event = await record(session, person, "role", now, actor, to=str(role), **{"from": before})
    audit(session, Audit.USER_ROLE, at=now, actor_id=actor.id, user_id=person.id, role=str(role))
    await tell(session, wording, person, event, now)


async def set_areas(
    session: AsyncSession,
    wording: Wording,
    actor: User,
    person: User,
    codes: list[str],
    now: datetime,
) -> None:
    """Admins only: the kecamatan a coordinator answers for (one or more)."""
    if not scope_of(actor).manages_roles:
        raise ChangeRefused("forbidden")
    if person.role != Role.COORDINATOR:
        raise ChangeRefused("stale")
    chosen = sorted({code for code in codes if wording.regions.get_kecamatan(code)})
    if not chosen:
        raise ChangeRefused("empty")
    if chosen == sorted(person.area_codes):
        raise ChangeRefused("same")
    person.areas = [CoordinatorArea(kecamatan_code=code) for code in chosen]
    event = await record(session, person, "areas", now, actor, to=chosen)
    audit(session, Audit.USER_AREAS, at=now, actor_id=actor.id, user_id=person.id, areas=chosen)
    await tell(session, wording, person, event, now)
