"""A change to a case as one unit of work: checked, applied, recorded, and the other side told."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.attachments import Held, keep
from bot.cases.lifecycle import Action, IllegalTransition, Status
from bot.cases.messages import CaseMessages
from bot.cases.notices import tell_other_side
from bot.cases.work import Change, act, open_case, record_outcome, refer
from bot.runtime.context import Services


class CaseChanged(IllegalTransition):
    """The case is no longer in the status the button was drawn for."""


@dataclass(frozen=True)
class ChangeRequest:
    """What the actor asked for; `expected_status` guards against a stale button."""

    case_id: int
    action: Action
    expected_status: str | None = None
    note: str | None = None
    photos: Sequence[tuple[str, str]] = ()
    sectors: Sequence[str] = field(default_factory=tuple)
    kind: str | None = None
    # Voice notes and documents that came with the note, their copies fetched.
    files: Sequence[Held] = ()
    # How long the other side's notice waits (an answer that may still be taken back).
    hold: timedelta = timedelta(0)


async def change_case(
    session: AsyncSession, services: Services, telegram_id: int, request: ChangeRequest
) -> Change:
    """Apply the request (AccessDenied, IllegalTransition or CaseChanged when refused)."""
    now = services.clock.now()
    actor, case = await open_case(session, telegram_id, request.case_id, request.action, lock=True)
    if request.expected_status is not None and case.status != request.expected_status:
        raise CaseChanged(Status(case.status), request.action)
    settings = services.settings
    if request.action is Action.REFER:
        change = await refer(session, actor, case, request.sectors, request.note, settings, now)
    else:
        change = await act(
            session,
            actor,
            case,
            request.action,
            settings,
            now,
            request.note,
            request.photos,
            request.kind,
        )
    keep(session, case.id, request.files, now, event_id=change.event.id)
    await tell_other_side(session, CaseMessages(services), change, now + request.hold)
    return change


async def decide_referral(
    session: AsyncSession, services: Services, telegram_id: int, referral_id: int, outcome: str
) -> Change:
    """Record a referral's outcome and tell the other side; returns the change."""
    now = services.clock.now()
    change, _ = await record_outcome(
        session, telegram_id, referral_id, outcome, services.settings, now
    )
    await tell_other_side(session, CaseMessages(services), change, now)
    return change
