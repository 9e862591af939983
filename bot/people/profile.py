"""What a person does about themself (/profil, a shared contact), and move requests.

A PSM asks to move; the coordinators who oversee both kelurahan (else the admins) decide
with buttons, checked again by the one rule when they tap.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import Payload, enqueue_localized
from bot.people.buttons import MoveDecision, Verdict
from bot.people.changes import ChangeRefused, deactivate, relocate, withdraw_move_requests
from bot.people.directory import admins, get_user, reviewers_for
from bot.people.history import record
from bot.people.messages import Wording, tell
from bot.people.registration import phone_taken
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from storage.delivery import Lane
from storage.people import Role, User, UserStatus
from storage.people_changes import MoveRequest, MoveStatus, PersonEvent

MOVE_REQUEST = "move_request"


async def active_self(session: AsyncSession, telegram_id: int) -> User:
    """The caller, locked for a change to their own record, when active."""
    user = await get_user(session, telegram_id)
    if user is None or user.status != UserStatus.ACTIVE:
        raise ChangeRefused("forbidden")
    await session.refresh(user, with_for_update=True)
    return user


async def rename(session: AsyncSession, telegram_id: int, name: str, now: datetime) -> User:
    user = await active_self(session, telegram_id)
    if user.full_name == name:
        raise ChangeRefused("same")
    user.full_name = name
    await record(session, user, "renamed", now, user)
    audit(session, Audit.USER_RENAME, at=now, actor_id=user.id)
    return user


async def leave(
    session: AsyncSession, wording: Wording, telegram_id: int, now: datetime
) -> tuple[User, PersonEvent]:
    """Deactivate oneself; coming back goes through a coordinator."""
    user = await active_self(session, telegram_id)
    return user, await deactivate(session, wording, user, user, "", now)


async def change_phone(
    session: AsyncSession, telegram_id: int, phone: str, now: datetime
) -> User | None:
    """A registered user's new, Telegram-verified number, matched by their Telegram id;
    None when they are not registered. Refused when the number is another account's."""
    user = await get_user(session, telegram_id)
    if user is None or user.status in (UserStatus.REJECTED, UserStatus.INACTIVE):
        return None
    if user.phone == phone:
        raise ChangeRefused("same")
    if await phone_taken(session, telegram_id, phone):
        raise ChangeRefused("taken")
    user.phone = phone
    await record(session, user, "phone", now, user)
    audit(session, Audit.USER_PHONE, at=now, actor_id=user.id)
    return user


async def move_approvers(session: AsyncSession, person: User, kelurahan_code: str) -> list[User]:
    """Coordinators who oversee both the old and the new kelurahan; else the admins."""
    candidates = await reviewers_for(session, kelurahan_code[:6])
    both = [u for u in candidates if scope_of(u).may_move(person, kelurahan_code)]
    return both or await admins(session)


async def request_move(
    session: AsyncSession, wording: Wording, telegram_id: int, kelurahan_code: str, now: datetime
) -> int:
    """File a PSM's request and queue it for its approvers; returns how many were asked."""
    user = await active_self(session, telegram_id)
    if user.role != Role.PSM or wording.regions.get_kelurahan(kelurahan_code) is None:
        raise ChangeRefused("forbidden")
    if user.kelurahan_code == kelurahan_code:
        raise ChangeRefused("same")
    await withdraw_move_requests(session, user, now)
    request = MoveRequest(user_id=user.id, kelurahan_code=kelurahan_code, requested_at=now)
    session.add(request)
    await session.flush()
    before = user.kelurahan_code
    await record(session, user, "move_requested", now, user, to=kelurahan_code, **{"from": before})
    audit(session, Audit.USER_MOVE_REQUEST, at=now, actor_id=user.id, request_id=request.id)

    def question(locale: str) -> Payload:
        text = wording.t(
            locale,
            "move-request",
            name=user.full_name,
            origin=wording.place(user),
            target=f"{wording.regions.name_of(kelurahan_code)}, "
            f"{wording.regions.name_of(kelurahan_code[:6])}",
        )
        yes = MoveDecision(Verdict.APPROVE, request.id).encode()
        no = MoveDecision(Verdict.REJECT, request.id).encode()
        labels = (wording.t(locale, "button-approve"), wording.t(locale, "button-reject"))
        return Payload(text=text, buttons=[[(labels[0], yes), (labels[1], no)]])

    return await enqueue_localized(
        session,
        kind=MOVE_REQUEST,
        campaign_id=request.id,
        recipients=await move_approvers(session, user, kelurahan_code),
        build=question,
        default_locale=wording.default_locale,
        not_before=now,
        lane=Lane.PERSONAL,
    )


async def decide_move(
    session: AsyncSession,
    wording: Wording,
    reviewer_telegram_id: int,
    request_id: int,
    approve: bool,
    now: datetime,
) -> tuple[User, MoveRequest]:
    """Apply a reviewer's decision on a move request, telling the PSM either way."""
    reviewer = await get_user(session, reviewer_telegram_id)
    request = await session.get(MoveRequest, request_id, with_for_update=True)
    person = await session.get(User, request.user_id, with_for_update=True) if request else None
    if reviewer is None or request is None or person is None:
        raise ChangeRefused("forbidden")
    if not scope_of(reviewer).may_move(person, request.kelurahan_code):
        raise ChangeRefused("forbidden")
    if request.status != MoveStatus.PENDING or person.status != UserStatus.ACTIVE:
        raise ChangeRefused("decided")
    request.decided_by_id, request.decided_at = reviewer.id, now
    if approve:
        await relocate(session, wording, reviewer, person, request.kelurahan_code, now)
        request.status = MoveStatus.APPROVED
        action = Audit.USER_MOVE_APPROVE
    else:
        request.status = MoveStatus.REJECTED
        event = await record(
            session, person, "move_rejected", now, reviewer, to=request.kelurahan_code
        )
        await tell(session, wording, person, event, now)
        action = Audit.USER_MOVE_REJECT
    audit(session, action, at=now, actor_id=reviewer.id, user_id=person.id, request_id=request.id)
    return person, request
