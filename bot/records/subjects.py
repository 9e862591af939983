"""A person's requests about their data (UU 27/2022): what is held about them, and its erasure.

An admin (or an operator, `psm-bot person`) looks the person up by NIK, or by name and birth
date. The lookup is a `SubjectRequest` row holding the ids of the cases found, so exporting
and erasing act on exactly what was shown. Every step is audited with ids and counts only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import InvalidNik, parse_nik
from bot.privacy.access import scope_of
from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher
from bot.records.anonymise import anonymise_case
from bot.records.audit_review import AuditLine, entries_about
from bot.records.subject_files import SubjectFile, files_about
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.people import User
from storage.records import SubjectRequest

_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


class NotAllowed(Exception):
    """Only admins answer subject requests."""


class UnknownRequest(Exception):
    """No such request, or (erasure) it was already carried out."""


@dataclass(frozen=True)
class Person:
    """Who is asked about: a NIK, or a name and birth date."""

    nik: str | None = None
    name: str | None = None
    born: date | None = None

    @property
    def by(self) -> str:
        return "nik" if self.nik else "name"


class BadPerson(ValueError):
    """Neither a NIK nor a name followed by a birth date; `nik_problem` if a NIK was meant."""

    def __init__(self, nik_problem: str | None = None) -> None:
        super().__init__(nik_problem or "person")
        self.nik_problem = nik_problem


def parse_person(text: str, today: date) -> Person:
    """`3671015203500001`, or `Mak Onah 12-03-1950` (BadPerson otherwise)."""
    cleaned = " ".join(text.split())
    if re.fullmatch(r"[\d\s.\-]+", cleaned) and len(re.sub(r"\D", "", cleaned)) >= 12:
        try:
            return Person(nik=parse_nik(cleaned, today).nik)
        except InvalidNik as bad:
            raise BadPerson(bad.problem.value) from None
    name, _, last = cleaned.rpartition(" ")
    match = _DATE.fullmatch(last)
    if not name or match is None:
        raise BadPerson()
    day, month, year = (int(part) for part in match.groups())
    try:
        return Person(name=name, born=date(year, month, day))
    except ValueError:
        raise BadPerson() from None


async def find_cases(session: AsyncSession, person: Person, cipher: Cipher) -> list[Case]:
    """Every case about the person (anonymised ones no longer are), oldest first."""
    where: list[ColumnElement[bool]]
    if person.nik:
        where = [Case.nik_index.in_(cipher.indexes(person.nik))]
    else:
        assert person.name is not None
        where = [
            func.lower(Case.beneficiary_name) == person.name.lower(),
            Case.birth_date == person.born,
        ]
    return list(await session.scalars(select(Case).where(*where).order_by(Case.id)))


def _check(actor: User | None) -> None:
    """Admins in the bot; None is the operator at the command line."""
    if actor is not None and not scope_of(actor).reviews_audit:
        raise NotAllowed(actor.id)


async def open_request(
    session: AsyncSession, actor: User | None, person: Person, cipher: Cipher, now: datetime
) -> SubjectRecord:
    """Look the person up and record the request (its cases); what was found. Audited."""
    _check(actor)
    cases = await find_cases(session, person, cipher)
    request = SubjectRequest(
        requested_by_id=actor.id if actor else None,
        looked_up_by=person.by,
        case_ids=[case.id for case in cases],
        created_at=now,
    )
    session.add(request)
    await session.flush()
    audit(
        session,
        Audit.SUBJECT_LOOKUP,
        at=now,
        actor_id=actor.id if actor else None,
        request_id=request.id,
        by=person.by,
        cases=len(cases),
    )
    return await record_of(session, request)


@dataclass(frozen=True)
class SubjectRecord:
    """Everything held about the person: cases, timelines, referrals, photos, files, audit."""

    request: SubjectRequest
    cases: list[Case]
    events: list[tuple[CaseEvent, str | None]]
    referrals: list[Referral]
    photos: dict[int, int]
    audit: list[AuditLine]
    files: list[SubjectFile] = field(default_factory=list)


async def record_of(session: AsyncSession, request: SubjectRequest) -> SubjectRecord:
    ids = list(request.case_ids)
    cases = list(await session.scalars(select(Case).where(Case.id.in_(ids)).order_by(Case.id)))
    events = await session.execute(
        select(CaseEvent, User.full_name)
        .outerjoin(User, User.id == CaseEvent.actor_id)
        .where(CaseEvent.case_id.in_(ids))
        .order_by(CaseEvent.case_id, CaseEvent.at, CaseEvent.id)
    )
    referrals = await session.scalars(
        select(Referral).where(Referral.case_id.in_(ids)).order_by(Referral.id)
    )
    photos = await session.execute(
        select(CasePhoto.case_id, func.count())
        .where(CasePhoto.case_id.in_(ids))
        .group_by(CasePhoto.case_id)
    )
    return SubjectRecord(
        request,
        cases,
        [(event, name) for event, name in events.all()],
        list(referrals),
        {case_id: count for case_id, count in photos.all()},
        await entries_about(session, ids),
        await files_about(session, ids),
    )


async def _request(session: AsyncSession, request_id: int) -> SubjectRequest:
    request = await session.get(SubjectRequest, request_id, with_for_update=True)
    if request is None:
        raise UnknownRequest(request_id)
    return request


async def view_request(session: AsyncSession, actor: User | None, request_id: int) -> SubjectRecord:
    """What a request found, for its answer (the lookup itself was audited)."""
    _check(actor)
    return await record_of(session, await _request(session, request_id))


async def export_request(
    session: AsyncSession, actor: User | None, request_id: int, now: datetime
) -> SubjectRecord:
    """Everything the request found, for the file the person receives; audited."""
    _check(actor)
    request = await _request(session, request_id)
    request.exported_at = now
    found = await record_of(session, request)
    audit(
        session,
        Audit.SUBJECT_EXPORT,
        at=now,
        actor_id=actor.id if actor else None,
        request_id=request.id,
        cases=len(found.cases),
        events=len(found.events),
        audit_rows=len(found.audit),
    )
    return found


async def erase_request(
    session: AsyncSession, actor: User | None, request_id: int, now: datetime
) -> int:
    """Anonymise every case of a valid erasure request, once; how many cases."""
    _check(actor)
    request = await _request(session, request_id)
    if request.erased_at is not None:
        raise UnknownRequest(request_id)
    actor_id = actor.id if actor else None
    for case_id in request.case_ids:
        await anonymise_case(session, case_id, now)
        audit(
            session,
            Audit.CASE_ANONYMISE,
            at=now,
            actor_id=actor_id,
            case_id=case_id,
            reason="erasure",
            request_id=request.id,
        )
    request.erased_at = now
    audit(
        session,
        Audit.SUBJECT_ERASE,
        at=now,
        actor_id=actor_id,
        request_id=request.id,
        cases=len(request.case_ids),
    )
    return len(request.case_ids)
