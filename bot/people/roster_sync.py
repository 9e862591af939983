"""What a roster import changes, shown before it is applied, and applying it.

`plan_roster` compares the checked rows with the roster and the registered users an importer
reaches: new, updated, unchanged, rows outside their reach, and, for sync mode, the active
PSM missing from the file. `apply_roster` saves the rows (`save_entries`), updates registered
PSM, and in sync mode deactivates exactly the missing PSM the importer was shown, in batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.changes import deactivate, relocate
from bot.people.handover import OpenCases, ask_handover
from bot.people.history import record
from bot.people.messages import ROSTER_REASON, Wording
from bot.people.roster import RosterRow, batches, save_entries
from bot.privacy.access import Scope
from bot.privacy.audit import Audit, audit
from storage.db import Sessions
from storage.people import Role, RosterEntry, User, UserStatus

# People deactivated per transaction: each is several writes and a handover question.
HANDOVER_BATCH = 50


@dataclass(frozen=True)
class Refusal:
    line: int
    key: str  # a catalog text: why this importer may not import this row


@dataclass
class RosterPlan:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[Refusal] = field(default_factory=list)
    # Sync mode: active PSM the importer reaches who are not in the file, by name.
    missing: list[User] = field(default_factory=list)


def _reach(scope: Scope, row: RosterRow, user: User | None) -> str | None:
    if scope.everything:
        return None
    if row.role != Role.PSM:
        return "import-refused-role"
    if row.kelurahan_code is None or not scope.covers_area(row.kelurahan_code[:6]):
        return "import-refused-area"
    if user is not None and not scope.covers_person(user):
        return "import-refused-person"
    return None


def _differs(row: RosterRow, entry: RosterEntry | None, user: User | None) -> bool:
    if entry is not None and (
        (entry.full_name, entry.role, entry.kelurahan_code, sorted(entry.kecamatan_codes))
        != (row.name, row.role, row.kelurahan_code, sorted(row.kecamatan_codes))
    ):
        return True
    return user is not None and _user_update(row, user) != {}


def _user_update(row: RosterRow, user: User) -> dict[str, str]:
    """What the roster changes in a registered PSM: their name and kelurahan."""
    if row.role != Role.PSM or user.role != Role.PSM or row.kelurahan_code is None:
        return {}
    changes = {}
    if user.full_name != row.name:
        changes["name"] = row.name
    if user.kelurahan_code != row.kelurahan_code:
        changes["kelurahan"] = row.kelurahan_code
    return changes


async def _known(
    session: AsyncSession, phones: Sequence[str]
) -> tuple[dict[str, RosterEntry], dict[str, User]]:
    entries: dict[str, RosterEntry] = {}
    users: dict[str, User] = {}
    for batch in batches(phones):
        query = select(RosterEntry).where(RosterEntry.phone.in_(batch))
        entries.update((e.phone, e) for e in await session.scalars(query))
        found = await session.scalars(select(User).where(User.phone.in_(batch)))
        users.update((u.phone, u) for u in found if u.phone)
    return entries, users


async def _missing(session: AsyncSession, scope: Scope, phones: set[str]) -> list[User]:
    query = select(User).where(
        scope.people_clause(), User.role == Role.PSM, User.status == UserStatus.ACTIVE
    )
    users = await session.scalars(query.order_by(User.full_name, User.id))
    return [u for u in users if u.phone not in phones]


async def plan_roster(session: AsyncSession, rows: list[RosterRow], scope: Scope) -> RosterPlan:
    """What importing `rows` would change for an importer of `scope`; changes nothing."""
    phones = [row.phone for row in rows]
    entries, users = await _known(session, phones)
    plan = RosterPlan()
    for row in rows:
        entry, user = entries.get(row.phone), users.get(row.phone)
        refusal = _reach(scope, row, user)
        if refusal is not None:
            plan.refused.append(Refusal(row.line, refusal))
        elif entry is None and user is None:
            plan.new += 1
        elif _differs(row, entry, user):
            plan.updated += 1
        else:
            plan.unchanged += 1
    plan.missing = await _missing(session, scope, set(phones))
    return plan


async def preview_roster(
    session: AsyncSession, rows: list[RosterRow], scope: Scope, actor: User | None, now: datetime
) -> RosterPlan:
    """`plan_roster` for someone about to decide: it lists people, so it is audited."""
    plan = await plan_roster(session, rows, scope)
    missing = [user.id for user in plan.missing]
    audit(
        session,
        Audit.ROSTER_PREVIEW,
        at=now,
        actor_id=actor.id if actor else None,
        rows=len(rows),
        missing=missing,
    )
    return plan


@dataclass(frozen=True)
class Imported:
    saved: int
    deactivated: list[int]


async def apply_roster(
    sessions: Sessions,
    wording: Wording,
    rows: list[RosterRow],
    scope: Scope,
    actor: User | None,
    now: datetime,
    open_cases: OpenCases,
    deactivate_ids: set[int] | None = None,
) -> Imported:
    """Import `rows` (checked again: a refused row refuses all); with `deactivate_ids` (sync
    mode), deactivate those of them still missing, and drop their roster entries too.

    Each batch of rows is a transaction of its own, so other writers (a PSM's report) wait
    for one batch at most. Killed halfway, applying the same rows again finishes the work:
    saved rows are saved again unchanged, and only people still active are deactivated."""
    async with sessions() as session:
        plan = await plan_roster(session, rows, scope)
    if plan.refused:
        raise ValueError("rows outside the importer's reach")
    for batch in batches(rows):
        async with sessions.begin() as session:
            await save_entries(session, batch, now)
            await _update_users(session, wording, batch, actor, now)
    chosen = [user.id for user in plan.missing if user.id in (deactivate_ids or set())]
    deactivated: list[int] = []
    for ids in batches(chosen, HANDOVER_BATCH):
        async with sessions.begin() as session:
            deactivated += await _deactivate(session, wording, ids, actor, now, open_cases)
    async with sessions.begin() as session:
        actor_id = actor.id if actor else None
        audit(session, Audit.ROSTER_IMPORT, at=now, actor_id=actor_id, rows=len(rows))
        audit(
            session,
            Audit.ROSTER_UPLOAD,
            at=now,
            actor_id=actor_id,
            rows=len(rows),
            sync=deactivate_ids is not None,
            deactivated=deactivated,
        )
    return Imported(len(rows), deactivated)


async def _update_users(
    session: AsyncSession,
    wording: Wording,
    rows: Sequence[RosterRow],
    actor: User | None,
    now: datetime,
) -> None:
    """Rename and move the registered PSM whose rows say so."""
    _, users = await _known(session, [row.phone for row in rows])
    for row in rows:
        user = users.get(row.phone)
        changes = _user_update(row, user) if user is not None else {}
        if user is not None and "name" in changes:
            user.full_name = changes["name"]
            await record(session, user, "renamed", now, actor, reason=ROSTER_REASON)
        if user is not None and "kelurahan" in changes:
            await relocate(session, wording, actor, user, changes["kelurahan"], now)


async def _deactivate(
    session: AsyncSession,
    wording: Wording,
    ids: Sequence[int],
    actor: User | None,
    now: datetime,
    open_cases: OpenCases,
) -> list[int]:
    """Deactivate those of these PSM still active, asking for a handover of their cases."""
    done = []
    for user_id in ids:
        user = await session.get(User, user_id, with_for_update=True)
        if user is None or user.status != UserStatus.ACTIVE:
            continue
        event = await deactivate(session, wording, actor, user, ROSTER_REASON, now)
        await ask_handover(session, wording, user, event, await open_cases(session, user.id), now)
        done.append(user.id)
        if user.phone:
            await session.execute(delete(RosterEntry).where(RosterEntry.phone == user.phone))
    return done
