"""/pengguna's reads: the people an account may see, filtered and paged, and one person.

Both follow `scope_of` (`people_clause` for the list, `covers_person` for one) and are audited.
Last activity is the later of their last report and the last time they wrote to the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ScalarSelect, Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.buttons import PeopleFilter
from bot.people.directory import get_user
from bot.people.history import history_of
from bot.people.phone import InvalidPhone, normalize_phone
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from storage.cases import Case
from storage.people import User, UserStatus
from storage.people_changes import MoveRequest, MoveStatus, PersonEvent

PAGE = 8
IDLE_DAYS = 60
SEARCH_LENGTH = (2, 60)


@dataclass(frozen=True)
class Listed:
    user: User
    last_report: datetime | None

    @property
    def last_activity(self) -> datetime | None:
        moments = [m for m in (self.user.last_seen_at, self.last_report) if m is not None]
        return max(moments, default=None)


@dataclass(frozen=True)
class PersonPage:
    person: User
    last_report: datetime | None
    history: list[tuple[PersonEvent, str | None]]
    move_request: MoveRequest | None


class NotReached(Exception):
    """Not someone this account may see; unknown ids are answered alike."""


def _last_report() -> ScalarSelect[datetime]:
    return (
        select(func.max(Case.created_at))
        .where(Case.reporter_id == User.id)
        .correlate(User)
        .scalar_subquery()
    )


Rows = Select[User, datetime | None]


def _filtered(query: Rows, which: PeopleFilter, now: datetime) -> Rows:
    if which is PeopleFilter.IDLE:
        since = now - timedelta(days=IDLE_DAYS)
        quiet = or_(User.last_seen_at.is_(None), User.last_seen_at < since)
        no_report = or_(_last_report().is_(None), _last_report() < since)
        return query.where(
            User.status == UserStatus.ACTIVE, User.created_at < since, quiet, no_report
        )
    statuses = {
        PeopleFilter.ACTIVE: [UserStatus.ACTIVE],
        PeopleFilter.PENDING: [UserStatus.PENDING],
        PeopleFilter.INACTIVE: [UserStatus.INACTIVE, UserStatus.BLOCKED],
    }.get(which)
    return query.where(User.status.in_(statuses)) if statuses else query


def _searched(query: Rows, search: str | None) -> Rows:
    if not search:
        return query
    try:
        # A phone typed any way (0812..., +62 812...) finds the stored +62812...
        return query.where(User.phone == normalize_phone(search))
    except InvalidPhone:
        words = [w for w in search.lower().split() if w]
        return query.where(
            and_(*(func.lower(User.full_name).contains(w, autoescape=True) for w in words))
        )


async def list_people(
    session: AsyncSession,
    actor_telegram_id: int,
    which: PeopleFilter,
    page: int,
    now: datetime,
    search: str | None = None,
) -> tuple[list[Listed], int]:
    """One page of the people the actor may see, by name; refused for anyone who sees none."""
    actor = await get_user(session, actor_telegram_id)
    scope = scope_of(actor)
    if actor is None or not scope.oversees:
        raise NotReached
    base = select(User, _last_report()).where(scope.people_clause())
    query = _searched(_filtered(base, which, now), search)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    result = await session.execute(
        query.order_by(func.lower(User.full_name), User.id).offset(page * PAGE).limit(PAGE)
    )
    listed = [Listed(user, last) for user, last in result]
    audit(
        session,
        Audit.USER_LIST,
        at=now,
        actor_id=actor.id,
        filter=str(which),
        page=page,
        searched=bool(search),
        shown=[item.user.id for item in listed],
    )
    return listed, total


async def person_page(
    session: AsyncSession, actor_telegram_id: int, user_id: int, now: datetime
) -> tuple[User, PersonPage]:
    """The actor and one person's page (area, role, status, history, a move asked for)."""
    actor = await get_user(session, actor_telegram_id)
    person = await session.get(User, user_id)
    if actor is None or person is None or not scope_of(actor).covers_person(person):
        raise NotReached
    last_report = await session.scalar(
        select(func.max(Case.created_at)).where(Case.reporter_id == person.id)
    )
    request = await session.scalar(
        select(MoveRequest).where(
            MoveRequest.user_id == person.id, MoveRequest.status == MoveStatus.PENDING
        )
    )
    audit(session, Audit.USER_VIEW, at=now, actor_id=actor.id, user_id=person.id)
    history = await history_of(session, person.id)
    return actor, PersonPage(person, last_report, history, request)
