"""Rows the tests need before a conversation starts, written straight to the database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from storage.cases import Case, CaseEvent
from storage.conversations import ChatPreference
from storage.db import create_engine, create_sessions
from storage.people import CoordinatorArea, Role, RosterEntry, User, UserStatus

TANGERANG = "367101"
SUKARASA = "3671011001"
CIPONDOH = "367105"
# The first moment of the `clock` fixture (Tuesday 1 December 2026, 09:00 in Tangerang): rows
# the tests write are made then unless a test says otherwise, never at the wall clock's time.
START = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


async def add_user(
    url: str,
    telegram_id: int,
    role: Role = Role.PSM,
    kelurahan: str | None = SUKARASA,
    areas: tuple[str, ...] = (),
    status: UserStatus = UserStatus.ACTIVE,
    name: str = "Siti Aminah",
    locale: str | None = None,
    phone: str | None = None,
    at: datetime = START,
) -> None:
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        session.add(
            User(
                telegram_id=telegram_id,
                phone=phone,
                full_name=name,
                role=role,
                status=status,
                locale=locale,
                kelurahan_code=kelurahan,
                kecamatan_code=kelurahan[:6] if kelurahan else None,
                areas=[CoordinatorArea(kecamatan_code=code) for code in areas],
                created_at=at,
            )
        )
        if locale is not None:
            # As /bahasa leaves it: the account's language and its chat's are one choice.
            session.add(ChatPreference(telegram_id=telegram_id, locale=locale))
    await engine.dispose()


async def add_rows(url: str, *rows: Any) -> None:
    """Write model rows as they are, in one transaction."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        session.add_all(rows)
    await engine.dispose()


async def add_psm_and_coordinator(url: str, psm_id: int, coordinator_id: int) -> None:
    """Lutpiah, a PSM of Sukarasa, and Pak Budi, coordinator of Kecamatan Tangerang."""
    await add_user(url, psm_id, name="Lutpiah")
    await add_user(
        url, coordinator_id, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,), name="Pak Budi"
    )


async def add_roster(
    url: str,
    phone: str,
    name: str,
    role: Role,
    kelurahan: str | None = None,
    kecamatan: list[str] | None = None,
) -> None:
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        session.add(
            RosterEntry(
                phone=phone,
                full_name=name,
                role=role,
                kelurahan_code=kelurahan,
                kecamatan_codes=kecamatan or [],
                imported_at=START,
            )
        )
    await engine.dispose()


async def set_role(url: str, telegram_id: int, role: Role) -> None:
    """Change a user's role behind the bot's back, as an admin's database fix would."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        await session.execute(update(User).where(User.telegram_id == telegram_id).values(role=role))
    await engine.dispose()


async def fetch(url: str, model: Any, **where: Any) -> list[Any]:
    """All rows of `model` matching `where`, with their collections loaded."""
    engine = create_engine(url)
    async with create_sessions(engine)() as session:
        statement = select(model).filter_by(**where)
        rows = list(await session.scalars(statement))
        for row in rows:
            if isinstance(row, Case):
                await session.refresh(row, ["photos", "events"])
            if isinstance(row, User):
                await session.refresh(row, ["areas"])
    await engine.dispose()
    return rows


async def add_case(
    url: str,
    reporter_telegram_id: int,
    *,
    number: str = "TNG-2026-00001",
    kelurahan: str = SUKARASA,
    urgency: str = "sedang",
    status: str = "baru",
    at: datetime = START,
    next_nudge_at: datetime | None = None,
) -> int:
    """A submitted case as `/lapor` leaves it, with its "created" event; returns its id."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        reporter = await session.scalar(
            select(User).where(User.telegram_id == reporter_telegram_id)
        )
        assert reporter is not None
        case = Case(
            number=number,
            draft_id=number,
            reporter_id=reporter.id,
            category_code=8,
            beneficiary_name="Mak Onah",
            nik_masked="367101••••••••01",
            sex="P",
            age_years=76,
            kecamatan_code=kelurahan[:6],
            kelurahan_code=kelurahan,
            address="Jl. Merdeka 5",
            description="Nenek tinggal sendiri.",
            urgency=urgency,
            status=status,
            created_at=at,
            updated_at=at,
            last_activity_at=at,
            next_nudge_at=next_nudge_at,
        )
        case.events = [CaseEvent(actor_id=reporter.id, kind="created", at=at)]
        session.add(case)
        await session.flush()
        case_id = case.id
    await engine.dispose()
    return case_id
