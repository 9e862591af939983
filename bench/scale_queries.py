"""The queries bench/scale.py times: the bot's own functions, as its handlers and jobs call them.

Each runs in a fresh session (a handler's or a job's unit of work) and rolls back what it
wrote (audit rows, a nudge), so every round sees the same data.
"""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.scale_data import FIRST_ADMIN, FIRST_PSM, City
from bot.announcements.report import rsvp_rows
from bot.cases import followup
from bot.cases.buttons import StatusFilter
from bot.cases.messages import CaseMessages
from bot.cases.queries import Filters, case_id_by_number, visible_cases
from bot.cases.reading import case_photos, view_case
from bot.delivery.claims import claim, finished_campaigns
from bot.people import get_user, welcome_back
from bot.privacy.crypto import load_cipher
from bot.reference.categories import load_categories
from bot.reference.regions import load_regions
from bot.reference.sectors import load_sectors
from bot.runtime.chat_state import ChatStates
from bot.runtime.clock import FixedClock
from bot.runtime.context import Services
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from storage.announcements import Announcement
from storage.cases import Case, Referral, Urgency
from storage.db import create_sessions
from storage.people import User


@dataclass
class Scene:
    """One database and who acts in it: a PSM, a coordinator, an admin, a case to open."""

    services: Services
    psm: int
    coordinator: int
    admin: int
    kecamatan: str
    case_id: int
    case_number: str
    due_case: int
    announcement: int

    @property
    def now(self) -> datetime:
        return self.services.clock.now()

    @classmethod
    async def open(
        cls, engine: AsyncEngine, settings: Settings, cases: int, now: datetime
    ) -> Scene:
        sessions = create_sessions(engine)
        clock = FixedClock(now)
        services = Services(
            settings=settings,
            engine=engine,
            sessions=sessions,
            texts=Texts(settings.default_locale),
            regions=load_regions(settings.region_file),
            categories=load_categories(settings.category_file),
            sectors=load_sectors(settings.sector_file),
            cipher=load_cipher(None, Path(tempfile.mkdtemp())),
            clock=clock,
            chats=ChatStates(engine, clock),
        )
        city = City(cases, now)
        psm = city.psm[0]
        kecamatan = psm.kecamatan_code
        assert kecamatan is not None
        coordinator = city.coordinator_of[kecamatan]
        async with sessions() as session:
            case_id = await session.scalar(
                select(Case.id).where(Case.kecamatan_code == kecamatan).order_by(Case.id.desc())
            )
            due = await session.scalar(
                select(Case.id).where(Case.next_nudge_at <= now).order_by(Case.next_nudge_at)
            )
            announcement = await session.scalar(
                select(Announcement.id).order_by(Announcement.id.desc())
            )
        assert case_id and due and announcement, "the city has a case, a due one, an event"
        return cls(
            services, FIRST_PSM, coordinator.telegram_id, FIRST_ADMIN, kecamatan, case_id,
            city.case(case_id)["number"], due, announcement,
        )  # fmt: skip

    async def actor(self, telegram_id: int) -> User:
        async with self.services.sessions() as session:
            user = await get_user(session, telegram_id)
        assert user is not None
        return user


def _list(who: str, filters: Filters) -> Callable[[Scene], Awaitable[Any]]:
    """/kasus (or a tap on its filters): the caller, then one page of their cases."""

    async def run(scene: Scene) -> Any:
        telegram_id = getattr(scene, who)
        async with scene.services.sessions.begin() as session:
            actor = await welcome_back(session, telegram_id, scene.now)
        assert actor is not None
        chosen = Filters(filters.status, filters.urgency, filters.kecamatan and scene.kecamatan)
        async with scene.services.sessions() as session:
            return await visible_cases(session, actor, chosen, 0, scene.now)

    return run


async def by_number(scene: Scene) -> Any:
    async with scene.services.sessions() as session:
        return await case_id_by_number(session, scene.case_number)


async def open_case(scene: Scene) -> Any:
    async with scene.services.sessions() as session:
        cipher = scene.services.cipher
        view = await view_case(session, scene.coordinator, scene.case_id, scene.now, cipher)
        await session.rollback()
        return view


async def photos(scene: Scene) -> Any:
    async with scene.services.sessions() as session:
        found = await case_photos(session, scene.coordinator, scene.case_id, scene.now)
        await session.rollback()
        return found


async def due_items(scene: Scene) -> Any:
    """What a follow-up tick reads before it nudges anyone."""
    cases = await followup._due(scene.services, Case.next_nudge_at, scene.now)
    referrals = await followup._due(scene.services, Referral.next_nudge_at, scene.now)
    async with scene.services.sessions() as session:
        await followup.remind_idle_drafts(session, CaseMessages(scene.services), scene.now)
        await session.rollback()
    return cases, referrals


async def nudge(scene: Scene) -> Any:
    """One due case nudged: timeline, audit and the outbox row (rolled back)."""
    async with scene.services.sessions() as session:
        await followup.nudge_case(session, CaseMessages(scene.services), scene.due_case, scene.now)
        await session.rollback()


async def outbox_claim(scene: Scene) -> Any:
    """A second's worth of due rows claimed, then what the sender asks between batches."""
    async with scene.services.sessions() as session:
        claimed = await claim(session, scene.now, round(scene.services.settings.broadcast_rate))
        await session.rollback()
    async with scene.services.sessions() as session:
        await finished_campaigns(session)
    return claimed


async def rsvp_export(scene: Scene) -> Any:
    async with scene.services.sessions() as session:
        item = await session.get(Announcement, scene.announcement)
        assert item is not None
        actor = await get_user(session, scene.admin)
        assert actor is not None
        rows = await rsvp_rows(session, item, actor, scene.now)
        await session.rollback()
        return rows


QUERIES: dict[str, Callable[[Scene], Awaitable[Any]]] = {
    "kasus_psm_open": _list("psm", Filters()),
    "kasus_coordinator_open": _list("coordinator", Filters()),
    "kasus_coordinator_darurat": _list("coordinator", Filters(urgency=Urgency.DARURAT)),
    "kasus_coordinator_closed": _list("coordinator", Filters(StatusFilter.SELESAI)),
    "kasus_admin_kecamatan_open": _list("admin", Filters(kecamatan="*")),
    "kasus_admin_all_open": _list("admin", Filters()),
    "kasus_admin_all": _list("admin", Filters(StatusFilter.ALL)),
    "kasus_by_number": by_number,
    "case_open": open_case,
    "case_photos": photos,
    "followup_due": due_items,
    "followup_nudge": nudge,
    "outbox_claim": outbox_claim,
    "rsvp_export": rsvp_export,
}
