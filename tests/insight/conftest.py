"""Two kecamatan with their PSM, coordinators and November cases; the admin of ADMIN_ID.

The clock stands at 1 December 2026, 09:00 in Tangerang, so "last month" is November.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.privacy.crypto import Cipher
from bot.runtime.settings import Settings
from storage.cases import Case, CaseEvent, Referral
from storage.db import create_engine, create_sessions
from storage.people import CoordinatorArea, Role, User, UserStatus
from tests.harness import BotHarness
from tests.texts import said

KEY = Fernet.generate_key()
TANGERANG, CIPONDOH, KARAWACI = "367101", "367105", "367107"
SUKARASA, GONDRONG = "3671011001", "3671051001"
PSM_TANGERANG, PSM_CIPONDOH, PSM_QUIET, PSM_NEW = 1001, 1002, 1003, 1004
COORD_TANGERANG, COORD_CIPONDOH, COORD_TWO = 2001, 2002, 2003
REAL_NIK = "3671014107500001"
FORMULA_NAME = '=HYPERLINK("http://x","klik")'
# How /rekap names last month, the whole city, and the buttons that lead there.
NOVEMBER_2026 = said("rekap-month", month=said("rekap-month-11"), year="2026")
CITY = said("rekap-area-city", city="Kota Tangerang")
LAST_MONTH = said("rekap-button-last")


def rekap_title(scope: str, period: str = NOVEMBER_2026) -> str:
    return said("rekap-summary-title", period=period, scope=scope)


@dataclass
class Seed:
    kelurahan: str
    reporter: int
    at: datetime
    name: str = "Mak Onah"
    urgency: str = "sedang"
    status: str = "baru"
    category: int = 8
    # Days after the report: first verification, closing; sectors referred (pending).
    verified: float | None = None
    closed: float | None = None
    referred: list[str] = field(default_factory=list)


def november(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


# Everyone has been on the bot since January, but for one PSM who joined late in November.
JOINED = datetime(2026, 1, 5, tzinfo=UTC)


SEEDS = [
    Seed(SUKARASA, PSM_TANGERANG, november(3), name=FORMULA_NAME, urgency="darurat"),
    Seed(SUKARASA, PSM_TANGERANG, november(5), verified=1, closed=5, status="selesai", category=1),
    Seed(SUKARASA, PSM_TANGERANG, november(20), verified=2, referred=["dinkes"], status="dirujuk"),
    Seed(GONDRONG, PSM_CIPONDOH, november(7), urgency="tinggi"),
    Seed(GONDRONG, PSM_CIPONDOH, november(28), category=11),
    # October: outside last month.
    Seed(SUKARASA, PSM_TANGERANG, datetime(2026, 10, 30, 3, tzinfo=UTC)),
]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A known DATA_KEY, so the tests can seal a NIK the bot can read."""
    return settings.model_copy(update={"data_key": SecretStr(KEY.decode())})


def _user(
    telegram_id: int,
    role: Role,
    name: str,
    kelurahan: str | None,
    areas: tuple[str, ...] = (),
    joined: datetime = JOINED,
) -> User:
    return User(
        created_at=joined,
        telegram_id=telegram_id,
        full_name=name,
        role=role,
        status=UserStatus.ACTIVE,
        kelurahan_code=kelurahan,
        kecamatan_code=kelurahan[:6] if kelurahan else None,
        areas=[CoordinatorArea(kecamatan_code=code) for code in areas],
    )


async def seed(url: str) -> None:
    """The people and the cases, with their verification, closing and referral events."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        people = {
            PSM_TANGERANG: _user(PSM_TANGERANG, Role.PSM, "Lutpiah", SUKARASA),
            PSM_CIPONDOH: _user(PSM_CIPONDOH, Role.PSM, "Rina", GONDRONG),
            PSM_QUIET: _user(PSM_QUIET, Role.PSM, "Diam Saja", SUKARASA),
            PSM_NEW: _user(PSM_NEW, Role.PSM, "Baru Gabung", SUKARASA, joined=november(25)),
            COORD_TANGERANG: _user(
                COORD_TANGERANG, Role.COORDINATOR, "Pak Budi", None, (TANGERANG,)
            ),
            COORD_CIPONDOH: _user(COORD_CIPONDOH, Role.COORDINATOR, "Bu Sari", None, (CIPONDOH,)),
            COORD_TWO: _user(COORD_TWO, Role.COORDINATOR, "Pak Dua", None, (TANGERANG, KARAWACI)),
        }
        session.add_all(people.values())
        await session.flush()
        sealed = Cipher([KEY]).encrypt(REAL_NIK)
        for number, item in enumerate(SEEDS, start=1):
            case = _case(number, item, people[item.reporter], sealed)
            session.add(case)
            await session.flush()
            session.add_all(
                Referral(
                    case_id=case.id,
                    sector=sector,
                    referred_by_id=people[COORD_TANGERANG].id,
                    referred_at=item.at + timedelta(days=3),
                )
                for sector in item.referred
            )
    await engine.dispose()


def _case(number: int, item: Seed, reporter: User, sealed: str) -> Case:
    case = Case(
        number=f"TNG-2026-{number:05d}",
        draft_id=f"draft-{number}",
        reporter_id=reporter.id,
        category_code=item.category,
        beneficiary_name=item.name,
        nik_encrypted=sealed,
        nik_masked="367101••••••••01",
        sex="P",
        age_years=76,
        kecamatan_code=item.kelurahan[:6],
        kelurahan_code=item.kelurahan,
        address="Jl. Merdeka 5",
        description="Perlu bantuan.",
        urgency=item.urgency,
        status=item.status,
        created_at=item.at,
        updated_at=item.at,
        last_activity_at=item.at,
    )
    events = [CaseEvent(actor_id=reporter.id, kind="created", at=item.at)]
    for kind, days in (("verify", item.verified), ("close", item.closed)):
        if days is not None:
            events.append(CaseEvent(kind=kind, at=item.at + timedelta(days=days)))
    case.events = events
    return case


@pytest.fixture
async def people(harness: BotHarness, schema: str) -> str:
    await seed(schema)
    return schema
