"""Replies in context: which case a message sent outside any conversation is about.

Nothing a person sends is dropped. A Telegram reply to a message about a case (an alert, a
notice, a nudge, a case card: `case_messages`) adds to that case; so does a text or caption
naming a case number; a reporting PSM's message while a coordinator's question waits on their
cases answers it. The change itself goes through `change_case`, so the one authorization rule
(`scope_of`), the timeline, the audit and the notice apply as to any other case action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.lifecycle import Action, IllegalTransition, Status
from bot.cases.notices import NOTICE
from bot.cases.queries import case_id_by_number
from bot.cases.work import open_case
from bot.delivery import cancel_pending
from bot.people import get_user
from bot.privacy.audit import Audit, audit
from bot.runtime.context import Services
from storage.cases import Case, CaseEvent, CaseMessage

# How long an answer taken from a plain message may be taken back; its notice waits as long.
UNDO_WINDOW = timedelta(seconds=60)
UNDONE = "answer_undone"
# The most pending questions offered as buttons at once.
CHOICES = 8


@dataclass(frozen=True)
class Addressed:
    """Where a message goes: one case (with the action it becomes), or a choice of cases."""

    case_id: int | None = None
    choices: tuple[Case, ...] = ()


async def remember(
    session: AsyncSession, chat_id: int, message_id: int, case_id: int, now: datetime, card: bool
) -> None:
    """Note that this message is about this case (a card is edited in place later)."""
    row = await session.get(CaseMessage, (chat_id, message_id))
    if row is None:
        session.add(
            CaseMessage(chat_id=chat_id, message_id=message_id, case_id=case_id, card=card, at=now)
        )
    else:
        row.case_id, row.card = case_id, card


async def case_of_message(session: AsyncSession, chat_id: int, message_id: int) -> int | None:
    row = await session.get(CaseMessage, (chat_id, message_id))
    return row.case_id if row else None


async def is_card(session: AsyncSession, chat_id: int, message_id: int, case_id: int) -> bool:
    row = await session.get(CaseMessage, (chat_id, message_id))
    return row is not None and row.card and row.case_id == case_id


async def addressed(
    session: AsyncSession,
    services: Services,
    telegram_id: int,
    chat_id: int,
    reply_to: int | None,
    words: str | None,
) -> Addressed:
    """The case a message is about: the replied-to message, a case number in its words, or the
    one question pending on the sender's cases (several: a choice); none when nothing fits."""
    if reply_to is not None:
        case_id = await case_of_message(session, chat_id, reply_to)
        if case_id is not None:
            return Addressed(case_id)
    number = _number_in(services, words or "")
    if number is not None:
        case_id = await case_id_by_number(session, number)
        if case_id is not None:
            return Addressed(case_id)
    actor = await get_user(session, telegram_id)
    if actor is None:
        return Addressed()
    pending = list(
        await session.scalars(
            select(Case)
            .where(Case.reporter_id == actor.id, Case.status == Status.DIKEMBALIKAN)
            .order_by(Case.last_activity_at.desc(), Case.id.desc())
            .limit(CHOICES)
        )
    )
    if len(pending) == 1:
        return Addressed(pending[0].id)
    return Addressed(choices=tuple(pending))


def _number_in(services: Services, words: str) -> str | None:
    prefix = re.escape(services.settings.case_number_prefix)
    found = re.search(rf"\b{prefix}-\d{{4}}-\d{{5}}\b", words, re.IGNORECASE)
    return found.group().upper() if found else None


async def action_for(session: AsyncSession, telegram_id: int, case_id: int) -> Action:
    """What a message on this case becomes: the answer to a question the sender was asked,
    otherwise a note (AccessDenied when the sender may not add to it)."""
    actor, case = await open_case(session, telegram_id, case_id, Action.VIEW)
    if case.status == Status.DIKEMBALIKAN and case.reporter_id == actor.id:
        return Action.ANSWER
    await open_case(session, telegram_id, case_id, Action.NOTE)
    return Action.NOTE


async def undo_answer(
    session: AsyncSession, services: Services, telegram_id: int, event_id: int
) -> Case:
    """Take back an answer within UNDO_WINDOW, before its notice leaves: the question is open
    again (IllegalTransition when too late or when something happened since)."""
    now = services.clock.now()
    event = await session.get(CaseEvent, event_id)
    if event is None or event.kind != Action.ANSWER:
        raise IllegalTransition(Status.BARU, Action.ANSWER)
    actor, case = await open_case(session, telegram_id, event.case_id, Action.VIEW, lock=True)
    newest = await session.scalar(
        select(CaseEvent.id).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id.desc())
    )
    if (
        event.actor_id != actor.id
        or newest != event.id
        or case.status != Status.BARU
        or now - event.at > UNDO_WINDOW
    ):
        raise IllegalTransition(Status(case.status), Action.ANSWER)
    await cancel_pending(session, NOTICE, event.id)
    case.status, case.updated_at = Status.DIKEMBALIKAN, now
    session.add(CaseEvent(case_id=case.id, actor_id=actor.id, kind=UNDONE, at=now))
    audit(session, Audit.CASE_ANSWER_UNDONE, at=now, actor_id=actor.id, case_id=case.id)
    return case
