"""When a PSM leaves with open cases: who is asked to hand them over, and keeping them.

The reviewers of the PSM's kecamatan are asked (with buttons: each colleague of the same
kelurahan, or keep them); until one decides, nudges for those cases go to the coordinator
(bot/cases/followup.py). Handing over itself changes cases: bot/cases/handover.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import Payload, enqueue_localized
from bot.people.buttons import Handover
from bot.people.changes import ChangeRefused, reach
from bot.people.directory import colleagues, reviewers_for
from bot.people.history import record
from bot.people.messages import Wording
from bot.privacy.audit import Audit, audit
from storage.delivery import Lane
from storage.people import User, UserStatus
from storage.people_changes import PersonEvent

REQUEST = "handover_request"
# How many open cases a user still has; bot.cases answers it (people cannot import cases).
OpenCases = Callable[[AsyncSession, int], Awaitable[int]]


def handover_question(
    wording: Wording, locale: str, person: User, count: int, choices: list[User]
) -> Payload:
    """Ask to whom the departed PSM's open cases go, or keep them."""
    text = wording.t(locale, "handover-ask", name=person.full_name, count=count)
    if not choices:
        text = wording.t(locale, "handover-ask-nobody", question=text)
    buttons = [
        [(wording.t(locale, "handover-to", name=c.full_name), Handover(person.id, c.id).encode())]
        for c in choices
    ]
    buttons.append([(wording.t(locale, "handover-keep"), Handover(person.id, None).encode())])
    return Payload(text=text, buttons=buttons)


async def ask_handover(
    session: AsyncSession,
    wording: Wording,
    person: User,
    event: PersonEvent,
    count: int,
    now: datetime,
    skip: User | None = None,
) -> int:
    """Queue the question for the reviewers of the person's kecamatan (but `skip`, who is
    asked in the reply they are reading)."""
    if count == 0:
        return 0
    reviewers = [u for u in await reviewers_for(session, person.kecamatan_code) if u != skip]
    choices = await colleagues(session, person)
    return await enqueue_localized(
        session,
        kind=REQUEST,
        campaign_id=event.id,
        recipients=reviewers,
        build=lambda locale: handover_question(wording, locale, person, count, choices),
        default_locale=wording.default_locale,
        not_before=now,
        lane=Lane.PERSONAL,
    )


async def keep_cases(
    session: AsyncSession, actor_telegram_id: int, user_id: int, count: int, now: datetime
) -> User:
    """The coordinator keeps the departed PSM's open cases: their nudges stay with them."""
    actor, person, _ = await reach(session, actor_telegram_id, user_id)
    if person.status != UserStatus.INACTIVE or count == 0:
        raise ChangeRefused("stale")
    await record(session, person, "cases_kept", now, actor, count=count)
    audit(session, Audit.USER_CASES_KEPT, at=now, actor_id=actor.id, user_id=person.id)
    return person
