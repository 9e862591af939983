"""Submitting a report: one transaction writes the case, photos, timeline and audit.

A NIK already on other cases links the new case to them (bot/cases/repeats.py): both timelines
say so, and the coordinators' alert names the earlier cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases.attachments import Held, keep
from bot.cases.draft import Draft
from bot.cases.lifecycle import AccessDenied
from bot.cases.messages import CaseMessages
from bot.cases.notices import alert_reviewers
from bot.cases.nudges import record_activity
from bot.cases.repeats import cases_with_index
from bot.people import get_user
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher
from bot.runtime.context import Services
from bot.runtime.settings import Settings
from storage.cases import Case, CaseCounter, CaseEvent, CasePhoto
from storage.people import User


class IncompleteDraft(ValueError):
    """A required answer is missing; the handler sends the PSM back to that step."""


@dataclass(frozen=True)
class Submitted:
    case: Case
    reporter: User
    created: bool  # False when this draft had already been submitted (a repeated tap)
    # Other cases about the same person (same NIK), oldest first.
    earlier: list[Case] = field(default_factory=list)


async def next_case_number(session: AsyncSession, prefix: str, year: int) -> str:
    """Take the next number of the year atomically, safe under concurrent submits.

    The counter row stays locked until the caller commits, so checking the number is free and
    moving the counter past the numbers in use cannot race another submit.
    """
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(CaseCounter)
        .values(year=year, last=1)
        .on_conflict_do_update(index_elements=["year"], set_={"last": CaseCounter.last + 1})
        .returning(CaseCounter.last)
    )
    number = (await session.execute(statement)).scalar_one()
    if await session.scalar(select(Case.id).where(Case.number == _number(prefix, year, number))):
        # The counter is behind the cases (a restored backup, a row added by hand): jump past
        # the highest number in use rather than fail every report, and never reuse one.
        number = await _highest_in_use(session, prefix, year) + 1
        await session.execute(
            update(CaseCounter).where(CaseCounter.year == year).values(last=number)
        )
    return _number(prefix, year, number)


def _number(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:05d}"


async def _highest_in_use(session: AsyncSession, prefix: str, year: int) -> int:
    head = f"{prefix}-{year}-"
    # Zero-padded numbers sort as text, and a longer one (past 99999) is always higher.
    numbers = await session.scalars(
        select(Case.number)
        .where(Case.number.startswith(head, autoescape=True))
        .order_by(func.length(Case.number).desc(), Case.number.desc())
    )
    for number in numbers:
        if number[len(head) :].isdigit():
            return int(number[len(head) :])
    return 0


async def submit_case(
    session: AsyncSession,
    services: Services,
    telegram_id: int,
    draft: Draft,
    files: Sequence[Held] = (),
) -> Submitted:
    """Write the draft as a new case with its voice notes and documents (`files`, copies
    fetched) and its coordinators' alert, or return the case it already became; AccessDenied
    for an account that may not report (not active, unknown)."""
    reporter = await get_user(session, telegram_id)
    if reporter is None or scope_of(reporter).empty:
        raise AccessDenied("report")
    existing = await session.scalar(select(Case).where(Case.draft_id == draft.id))
    if existing is not None:
        return Submitted(existing, reporter, created=False)
    # The case number's year is the local one: a report at 01:00 WIB on 1 January is next year's.
    now = services.clock.now().astimezone(services.settings.tz)
    case, earlier = await _write(session, draft, reporter, services.settings, now, services.cipher)
    keep(session, case.id, files, now, event_id=None)
    await alert_reviewers(session, CaseMessages(services), case, reporter, now, earlier)
    return Submitted(case, reporter, created=True, earlier=earlier)


async def _write(
    session: AsyncSession,
    draft: Draft,
    reporter: User,
    settings: Settings,
    now: datetime,
    cipher: Cipher,
) -> tuple[Case, list[Case]]:
    for required in ("category", "name", "sex", "kecamatan", "kelurahan", "address"):
        if getattr(draft, required) in (None, ""):
            raise IncompleteDraft(required)
    if draft.description is None or draft.urgency is None:
        raise IncompleteDraft("description" if draft.description is None else "urgency")
    nik = cipher.decrypt(draft.nik_token) if draft.nik_token else None
    case = Case(
        number=await next_case_number(session, settings.case_number_prefix, now.year),
        draft_id=draft.id,
        reporter_id=reporter.id,
        category_code=draft.category,
        beneficiary_name=draft.name,
        nik_encrypted=draft.nik_token,
        nik_masked=draft.nik_masked,
        nik_index=cipher.index(nik) if nik else None,
        no_nik_reason=draft.no_nik_reason,
        sex=draft.sex,
        birth_date=date.fromisoformat(draft.birth_date) if draft.birth_date else None,
        age_years=draft.age_on(now.date()),
        kecamatan_code=draft.kecamatan,
        kelurahan_code=draft.kelurahan,
        address=draft.address,
        latitude=draft.latitude,
        longitude=draft.longitude,
        description=draft.description,
        urgency=draft.urgency,
        created_at=now,
        updated_at=now,
    )
    record_activity(case, settings, now)
    case.photos = [
        CasePhoto(file_id=fid, file_unique_id=uid, added_at=now) for fid, uid in draft.photos
    ]
    case.events = [CaseEvent(actor_id=reporter.id, kind="created", at=now)]
    earlier = await cases_with_index(session, cipher.indexes(nik)) if nik else []
    if earlier:
        case.events.append(CaseEvent(actor_id=None, kind="repeat", at=now))
        session.add_all(CaseEvent(case_id=e.id, kind="reported_again", at=now) for e in earlier)
    session.add(case)
    await session.flush()
    audit(
        session,
        Audit.CASE_CREATE,
        at=now,
        actor_id=reporter.id,
        case_id=case.id,
        number=case.number,
        linked=len(earlier),
    )
    return case, earlier
