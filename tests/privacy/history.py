"""Cases with a whole life behind them: photos, notes, a referral, messages, audit rows, closing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from bot.cases import parse_nik
from bot.privacy.crypto import Cipher
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxMessage
from storage.people import User
from tests.factories import add_case
from tests.privacy.reports import NIK, give_nik


def day(year: int, month: int = 6, day: int = 1) -> datetime:
    return datetime(year, month, day, 3, 0, tzinfo=UTC)


async def lived_case(
    url: str,
    cipher: Cipher,
    reporter: int,
    coordinator: int,
    number: str,
    *,
    reported: datetime,
    closed: datetime | None,
    nik: str = NIK,
    name: str = "Mak Onah",
) -> int:
    """A case about `name` (born as the NIK says) reported, noted, photographed, referred
    (outcome done), and closed if `closed`."""
    case_id = await add_case(url, reporter, number=number, at=reported)
    await give_nik(url, case_id, cipher, nik)
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        psm = await session.scalar(select(User.id).where(User.telegram_id == reporter))
        boss = await session.scalar(select(User.id).where(User.telegram_id == coordinator))
        assert psm is not None and boss is not None
        await session.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(
                beneficiary_name=name,
                birth_date=parse_nik(nik, reported.date()).birth_date,
                latitude=-6.17,
                longitude=106.64,
                status="selesai" if closed else "dirujuk",
                updated_at=closed or reported,
            )
        )
        session.add_all(
            [
                CasePhoto(
                    case_id=case_id, file_id="photo-1", file_unique_id="u1", added_at=reported
                ),
                CaseEvent(
                    case_id=case_id,
                    actor_id=psm,
                    kind="note",
                    note="Anaknya di Bekasi",
                    at=reported,
                ),
                CaseEvent(
                    case_id=case_id,
                    actor_id=boss,
                    kind="outcome",
                    data={"sector": "dinkes", "outcome": "done"},
                    at=reported,
                ),
                Referral(
                    case_id=case_id,
                    sector="dinkes",
                    note="Cek tekanan darah",
                    referred_by_id=boss,
                    referred_at=reported,
                    outcome="done",
                    outcome_by_id=boss,
                    outcome_at=reported,
                ),
                OutboxMessage(
                    kind="case_alert",
                    campaign_id=case_id,
                    user_id=boss,
                    chat_id=coordinator,
                    payload={"text": f"Laporan baru {number}: Mak Onah", "buttons": None},
                    status="sent",
                    priority=1,
                    not_before=reported,
                    sent_at=reported,
                ),
                AuditEntry(
                    actor_id=boss, action="case.view", case_id=case_id, detail={}, at=reported
                ),
            ]
        )
        if closed:
            session.add(
                CaseEvent(
                    case_id=case_id, actor_id=boss, kind="close", note="Dirawat keluarga", at=closed
                )
            )
    await engine.dispose()
    return case_id


async def statistics(url: str) -> dict[str, Any]:
    """What /rekap counts, per case: it must survive anonymisation unchanged."""
    engine = create_engine(url)
    async with create_sessions(engine)() as session:
        cases = await session.scalars(select(Case).order_by(Case.id))
        found: dict[str, Any] = {}
        for case in cases:
            referrals = await session.execute(
                select(
                    Referral.sector, Referral.outcome, Referral.referred_at, Referral.outcome_at
                ).where(Referral.case_id == case.id)
            )
            events = await session.execute(
                select(CaseEvent.kind, CaseEvent.actor_id, CaseEvent.data, CaseEvent.at)
                .where(CaseEvent.case_id == case.id)
                .order_by(CaseEvent.id)
            )
            found[case.number] = (
                case.category_code, case.kecamatan_code, case.kelurahan_code, case.urgency,
                case.status, case.created_at, case.updated_at, case.sex, case.age_years,
                case.reporter_id, referrals.all(), events.all(),
            )  # fmt: skip
    await engine.dispose()
    return found
