"""The operator's data-protection commands: `psm-bot retention` and `person`.

They print for an operator (English, like the rest of the command line), never a NIK, and
write the same audit rows as the bot does, with no actor: the operator at the machine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.records.exports import subject_sheet
from bot.records.retention import apply, plan
from bot.records.subject_files import write_copies
from bot.records.subjects import (
    BadPerson,
    SubjectRecord,
    erase_request,
    export_request,
    open_request,
    parse_person,
)
from bot.reference.categories import load_categories
from bot.reference.regions import load_regions
from bot.reference.sectors import load_sectors
from bot.runtime.chat_state import ChatStates
from bot.runtime.clock import Clock
from bot.runtime.context import Services, cipher_of
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from storage.db import Sessions, create_engine, create_sessions

T = TypeVar("T")
USAGE = "error: give a 16-digit NIK (--nik), or a name and a birth date (--name, --born DD-MM-YYYY)"


def _with_sessions(settings: Settings, work: Callable[[Sessions], Awaitable[T]]) -> T:
    return _with_engine(settings, lambda engine: work(create_sessions(engine)))


def _with_engine(settings: Settings, work: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    async def run() -> T:
        engine = create_engine(settings.db_url)
        try:
            return await work(engine)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def retention_command(settings: Settings, do_it: bool) -> int:
    """Show what RETENTION_YEARS makes due; with `do_it`, anonymise it."""
    years, now = settings.retention_years, Clock().now()

    async def show(sessions: Sessions) -> int:
        async with sessions() as session:
            due = await plan(session, now, years)
        print(f"retention: {years} years; due is what closed or left before {due.before:%Y-%m-%d}")
        print(f"closed cases to anonymise: {due.cases} {' '.join(due.case_numbers)}".rstrip())
        if due.cases > len(due.case_numbers):
            print(f"  ... and {due.cases - len(due.case_numbers)} more")
        print(f"accounts of people who left, to anonymise: {due.users}")
        print(f"texts of delivered messages to remove: {due.messages}")
        print(f"report drafts left untouched, to delete: {due.drafts}")
        if due.starting:
            print(
                f"inactive accounts whose {years} years start at the next --apply: {due.starting}"
            )
        print("nothing changed; run with --apply to do it")
        return 0

    async def run(sessions: Sessions) -> int:
        done = await apply(sessions, now, years)
        print(
            f"anonymised {done.cases} case(s) and {done.users} account(s); removed "
            f"{done.messages} message text(s) and {done.drafts} draft(s)"
        )
        return 0

    return _with_sessions(settings, run if do_it else show)


def services_for(settings: Settings, engine: AsyncEngine) -> Services:
    """The services the bot would have, for rendering an export outside it."""
    clock, sessions = Clock(), create_sessions(engine)
    return Services(
        settings=settings,
        engine=engine,
        sessions=sessions,
        texts=Texts(settings.default_locale),
        regions=load_regions(settings.region_file),
        categories=load_categories(settings.category_file),
        sectors=load_sectors(settings.sector_file),
        cipher=cipher_of(settings),
        clock=clock,
        chats=ChatStates(engine, clock),
    )


def _write_copies(export: Path, found: SubjectRecord) -> None:
    """The voice notes' and documents' copies, in a folder named after the export."""
    folder = export.with_name(f"{export.stem}-files")
    numbers = {case.id: case.number for case in found.cases}
    written = write_copies(folder, found.files, numbers)
    if written:
        print(f"wrote {written} voice note(s) and document(s) to {folder}")


def person_command(
    settings: Settings,
    typed: str,
    export: Path | None,
    erase: bool,
    confirm: Callable[[str], bool],
) -> int:
    """List every case, event and audit row about a person; export them; erase on request."""
    now = Clock().now()
    try:
        wanted = parse_person(typed, now.astimezone(settings.tz).date())
    except BadPerson as bad:
        print(f"error: the NIK is not valid ({bad.nik_problem})" if bad.nik_problem else USAGE)
        return 2

    async def look(engine: AsyncEngine) -> tuple[SubjectRecord, bytes | None]:
        services = services_for(settings, engine)
        async with services.sessions.begin() as session:
            found = await open_request(session, None, wanted, services.cipher, now)
        if export is None:
            return found, None
        async with services.sessions.begin() as session:
            record = await export_request(session, None, found.request.id, now)
        return found, subject_sheet(record, services, settings.default_locale)

    found, sheet = _with_engine(settings, look)
    _print_record(found, settings)
    if export is not None and sheet is not None:
        export.write_bytes(sheet)
        print(f"wrote everything held about this person to {export}")
        _write_copies(export, found)
    if not erase or not found.cases:
        return 0
    question = (
        f"anonymise these {len(found.cases)} case(s)? Only for a valid erasure request; "
        "it cannot be undone. Type yes: "
    )
    if not confirm(question):
        print("nothing was erased")
        return 1

    async def forget(sessions: Sessions) -> int:
        async with sessions.begin() as session:
            return await erase_request(session, None, found.request.id, Clock().now())

    print(f"anonymised {_with_sessions(settings, forget)} case(s) (request #{found.request.id})")
    return 0


def _print_record(found: SubjectRecord, settings: Settings) -> None:
    print(f"request #{found.request.id}: {len(found.cases)} case(s) about this person")
    for case in found.cases:
        events = sum(1 for event, _ in found.events if event.case_id == case.id)
        rows = sum(1 for line in found.audit if line.entry.case_id == case.id)
        print(
            f"  {case.number}  reported {case.created_at.astimezone(settings.tz):%Y-%m-%d}  "
            f"{case.status}  kecamatan {case.kecamatan_code}  {events} event(s)  "
            f"{len([r for r in found.referrals if r.case_id == case.id])} referral(s)  "
            f"{rows} audit row(s)"
        )
