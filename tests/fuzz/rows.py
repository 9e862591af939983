"""The rows a fuzzed user starts from, and how many times they finished their conversation."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.runtime.context import Services
from storage.announcements import Announcement
from storage.broadcasts import Broadcast
from storage.cases import Case, CaseEvent
from storage.people import CoordinatorArea, Role, User, UserStatus
from tests.announcing import CIPONDOH_KELURAHAN
from tests.factories import CIPONDOH, START, SUKARASA, TANGERANG


async def prepare(services: Services, conversation: str, user_id: int) -> int | None:
    """The rows a user of `conversation` starts from; the case's id for /kasus."""
    if conversation == "start":
        return None
    async with services.sessions.begin() as session:
        if conversation in ("siaran", "pengumuman"):
            session.add(
                User(
                    created_at=START,
                    telegram_id=user_id,
                    full_name="Pak Budi",
                    role=Role.COORDINATOR,
                    status=UserStatus.ACTIVE,
                    areas=[CoordinatorArea(kecamatan_code=k) for k in (TANGERANG, CIPONDOH)],
                )
            )
            # Someone to address in each of the coordinator's kecamatan.
            for offset, kelurahan in enumerate((SUKARASA, CIPONDOH_KELURAHAN), start=1):
                session.add(
                    User(
                        created_at=START,
                        telegram_id=user_id * 10 + offset,
                        full_name="Siti Aminah",
                        status=UserStatus.ACTIVE,
                        kelurahan_code=kelurahan,
                        kecamatan_code=kelurahan[:6],
                    )
                )
            return None
        psm = User(
            created_at=START,
            telegram_id=user_id,
            full_name="Lutpiah",
            role=Role.PSM,
            status=UserStatus.ACTIVE,
            kelurahan_code=SUKARASA,
            kecamatan_code=TANGERANG,
        )
        session.add(psm)
        if conversation == "lapor":
            return None
        await session.flush()
        at = START
        case = Case(
            number=f"TNG-2026-{user_id:05d}",
            draft_id=f"fuzz-{user_id}",
            reporter_id=psm.id,
            category_code=8,
            beneficiary_name="Mak Onah",
            sex="P",
            kecamatan_code=TANGERANG,
            kelurahan_code=SUKARASA,
            address="Jl. Merdeka 5",
            description="Nenek tinggal sendiri.",
            urgency="sedang",
            created_at=at,
            updated_at=at,
            last_activity_at=at,
            events=[CaseEvent(actor_id=psm.id, kind="created", at=at)],
        )
        session.add(case)
        await session.flush()
        return case.id


async def outcomes(services: Services, conversation: str, user_id: int) -> int:
    """How many times `conversation` has been completed by this user."""
    async with services.sessions() as session:
        user = await session.scalar(select(User).where(User.telegram_id == user_id))
        if conversation == "start" or user is None:
            return int(user is not None)
        counted = {
            "lapor": select(func.count()).where(Case.reporter_id == user.id),
            "kasus": select(func.count()).where(
                CaseEvent.actor_id == user.id, CaseEvent.kind == "note"
            ),
            "siaran": select(func.count()).where(Broadcast.author_id == user.id),
            "pengumuman": select(func.count()).where(Announcement.author_id == user.id),
        }[conversation]
        return int(await session.scalar(counted) or 0)
