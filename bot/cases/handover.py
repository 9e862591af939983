"""A departed PSM's open cases: how many, and handing them to a colleague of the kelurahan.

Checked by the one rule (the actor may change the departed PSM, and only the cases within the
actor's reach are listed or handed over), each case gets a timeline event and an audit row, its
follow-up clock restarts for the new PSM, who is told which cases are now theirs, all in one
transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.lifecycle import OPEN
from bot.cases.nudges import record_activity
from bot.delivery import Payload, enqueue
from bot.people import ChangeRefused, reach, record
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.runtime.context import Services
from storage.cases import Case, CaseEvent
from storage.delivery import Lane
from storage.people import Role, User, UserStatus

RECEIVED = "cases_received"


async def count_open(session: AsyncSession, user_id: int) -> int:
    """How many open cases the user follows up (as their reporter)."""
    query = select(func.count(Case.id)).where(
        Case.reporter_id == user_id, Case.status.in_(sorted(OPEN))
    )
    return await session.scalar(query) or 0


async def open_numbers(session: AsyncSession, viewer: User | None, user_id: int) -> list[str]:
    """The numbers of the open cases `user_id` follows up that `viewer` may open."""
    query = select(Case.number).where(
        Case.reporter_id == user_id, Case.status.in_(sorted(OPEN)), scope_of(viewer).cases_clause()
    )
    return list(await session.scalars(query.order_by(Case.id)))


async def hand_over(
    session: AsyncSession,
    services: Services,
    actor_telegram_id: int,
    from_id: int,
    to_id: int,
    now: datetime,
) -> tuple[User, User, list[str]]:
    """Give every open case of the departed PSM `from_id` within the actor's reach to the
    active PSM `to_id` of the same kelurahan; returns both and the case numbers. Refused when
    nothing is left to give."""
    actor, person, scope = await reach(session, actor_telegram_id, from_id)
    heir = await session.get(User, to_id)
    if (
        heir is None
        or heir.role != Role.PSM
        or heir.status != UserStatus.ACTIVE
        or heir.kelurahan_code != person.kelurahan_code
        or heir.id == person.id
    ):
        raise ChangeRefused("stale")
    cases = list(
        await session.scalars(
            select(Case)
            .where(
                Case.reporter_id == person.id,
                Case.status.in_(sorted(OPEN)),
                scope.cases_clause(),  # a case in another kecamatan stays with its coordinator
            )
            .order_by(Case.id)
            .with_for_update()
        )
    )
    if person.status != UserStatus.INACTIVE or not cases:
        raise ChangeRefused("stale")
    for case in cases:
        case.reporter_id, case.updated_at = heir.id, now
        # The new PSM's name on the timeline: who follows it up from here.
        event = CaseEvent(
            case_id=case.id, actor_id=actor.id, kind="handed_over", note=heir.full_name, at=now
        )
        session.add(event)
        record_activity(case, services.settings, now)
        audit(session, Audit.CASE_HANDOVER, at=now, actor_id=actor.id, case_id=case.id, to=heir.id)
    numbers = [case.number for case in cases]
    told = await record(session, person, "cases_handed", now, actor, count=len(cases), to=heir.id)
    locale = heir.locale or services.settings.default_locale
    text = services.texts.get(
        locale, "handover-received", numbers=", ".join(numbers), name=person.full_name
    )
    await enqueue(
        session,
        kind=RECEIVED,
        campaign_id=told.id,
        recipients=[heir],
        payload=Payload(text=text),
        not_before=now,
        lane=Lane.PERSONAL,
    )
    return person, heir, numbers
