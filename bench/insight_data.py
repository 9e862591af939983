"""Cases for bench/insight.py: a month asked about, years of history, people, events, referrals."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import make_url

from bot.reference.regions import load_regions
from bot.runtime.settings import BUNDLED_DATA
from storage.db import create_engine
from storage.tables import Base

QUERY_NOW = datetime(2026, 11, 5, 3, tzinfo=UTC)
PERIOD_START = datetime(2026, 9, 30, 17, tzinfo=UTC)  # 1 October, 00:00 in Jakarta
HISTORY_START = PERIOD_START - timedelta(days=8 * 365)
SECOND = timedelta(seconds=1)
PSM_COUNT, ADMIN_TELEGRAM_ID = 1000, 1
CHUNK = 50_000
# PPKS codes weighted the way reports come in: the poor and the elderly first.
CATEGORIES = [24] * 20 + [8] * 14 + [9] * 8 + [2] * 6 + [23] * 6 + [25] * 5 + list(range(1, 27))
URGENCIES = ["darurat"] * 5 + ["tinggi"] * 20 + ["sedang"] * 50 + ["rendah"] * 25
RECENT = (
    ["baru"] * 25 + ["diverifikasi"] * 25 + ["ditangani"] * 10 + ["dirujuk"] * 10 + ["selesai"] * 30
)
OLD = ["selesai"] * 85 + ["ditangani"] * 5 + ["dirujuk"] * 5 + ["diverifikasi"] * 5
SECTORS = ["dinkes", "dukcapil", "ppa", "polres", "satpolpp", "disnaker", "bpjs", "lks"]
OUTCOMES = [None] * 3 + ["accepted"] * 3 + ["done"] * 3 + ["rejected"]

CASE_COLUMNS = (
    "id", "number", "draft_id", "reporter_id", "category_code", "beneficiary_name",
    "nik_masked", "sex", "age_years", "kecamatan_code", "kelurahan_code", "address",
    "description", "urgency", "status", "created_at", "updated_at", "last_activity_at",
    "nudges_unanswered",
)  # fmt: skip
EVENT_COLUMNS = ("case_id", "actor_id", "kind", "at")
REFERRAL_COLUMNS = ("case_id", "sector", "referred_by_id", "referred_at", "outcome", "outcome_at")
USER_COLUMNS = (
    "id", "telegram_id", "full_name", "role", "status", "kelurahan_code", "kecamatan_code",
    "created_at",
)  # fmt: skip


def _people() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[str]]:
    regions = load_regions(BUNDLED_DATA / "kota_tangerang_wilayah.csv")
    kelurahan = [kel.code for kec in regions.kecamatan for kel in kec.kelurahan]
    at = HISTORY_START
    users: list[tuple[Any, ...]] = [
        (1, ADMIN_TELEGRAM_ID, "Admin", "admin", "active", None, None, at)
    ]
    areas = []
    for number, kec in enumerate(regions.kecamatan, start=2):
        users.append((number, 100 + number, f"TKSK {kec.name}", "coordinator", "active", None,
                      None, at))  # fmt: skip
        areas.append((number, kec.code))
    first_psm = len(users) + 1
    for number in range(first_psm, first_psm + PSM_COUNT):
        code = kelurahan[number % len(kelurahan)]
        users.append((number, 10_000 + number, f"PSM {number}", "psm", "active", code, code[:6],
                      at))  # fmt: skip
    return users, areas, kelurahan


def _rows(
    total: int, period_cases: int, kelurahan: list[str], psm: range
) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """Each case with its events and referrals; the period's cases first, then history."""
    rng = random.Random(2026)
    history_seconds = int((PERIOD_START - HISTORY_START).total_seconds())
    for case_id in range(1, total + 1):
        recent = case_id <= period_cases
        offset = rng.randrange(31 * 86_400) if recent else rng.randrange(history_seconds)
        created = (PERIOD_START if recent else HISTORY_START) + timedelta(seconds=offset)
        status = rng.choice(RECENT if recent else OLD)
        reporter = rng.choice(psm)
        kel = kelurahan[reporter % len(kelurahan)] if rng.random() < 0.9 else rng.choice(kelurahan)
        case = (
            case_id, f"TNG-{created.year}-{case_id:07d}", f"d{case_id}", reporter,
            rng.choice(CATEGORIES), f"Warga {case_id}", f"{kel[:6]}••••••••{case_id % 100:02d}",
            rng.choice("LP"), rng.randrange(1, 95), kel[:6], kel, "Jl. Contoh 1",
            "Uraian singkat.", rng.choice(URGENCIES), status, created, created, created, 0,
        )  # fmt: skip
        # History's follow-up is over before October: both tables then hold the same October
        # activity, and only the table's size differs.
        cap = (lambda at: at) if recent else (lambda at: min(at, PERIOD_START - SECOND))
        events = [(case_id, reporter, "created", created)]
        referrals = []
        coordinator = 2 + int(kel[4:6]) - 1
        if status != "baru":
            verified = cap(created + timedelta(hours=rng.expovariate(1 / 30)))
            events.append((case_id, coordinator, "verify", verified))
            if status in ("dirujuk", "selesai") and rng.random() < 0.4:
                referred = cap(verified + timedelta(hours=rng.randrange(1, 72)))
                outcome = rng.choice(OUTCOMES)
                decided = cap(referred + timedelta(days=rng.randrange(1, 20))) if outcome else None
                referrals.append((case_id, rng.choice(SECTORS), coordinator, referred, outcome,
                                  decided))  # fmt: skip
            if status == "selesai":
                closed = cap(verified + timedelta(hours=rng.expovariate(1 / 200)))
                events.append((case_id, coordinator, "close", closed))
        yield case, events, referrals


async def build(url: str, total: int, period_cases: int) -> None:
    """An empty schema filled with `total` cases, `period_cases` of them in October 2026."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
    users, areas, kelurahan = _people()
    psm = range(len(users) - PSM_COUNT + 1, len(users) + 1)
    rows = _rows(total, period_cases, kelurahan, psm)
    if make_url(url).get_backend_name() == "sqlite":
        await engine.dispose()
        _fill_sqlite(str(make_url(url).database), users, areas, rows)
        return
    async with engine.connect() as connection:
        raw = (await connection.get_raw_connection()).driver_connection
        assert raw is not None
        await raw.copy_records_to_table("users", records=users, columns=USER_COLUMNS)
        await raw.copy_records_to_table(
            "coordinator_areas", records=areas, columns=("user_id", "kecamatan_code")
        )
        for cases, events, referrals in _chunks(rows):
            await raw.copy_records_to_table("cases", records=cases, columns=CASE_COLUMNS)
            await raw.copy_records_to_table("case_events", records=events, columns=EVENT_COLUMNS)
            await raw.copy_records_to_table(
                "referrals", records=referrals, columns=REFERRAL_COLUMNS
            )
        await raw.execute("ANALYZE")
        await connection.commit()
    await engine.dispose()


def _chunks(
    rows: Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]], list[tuple[Any, ...]]]],
) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    cases: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    referrals: list[tuple[Any, ...]] = []
    for case, its_events, its_referrals in rows:
        cases.append(case)
        events += its_events
        referrals += its_referrals
        if len(cases) == CHUNK:
            yield cases, events, referrals
            cases, events, referrals = [], [], []
    if cases:
        yield cases, events, referrals


def _text(value: Any) -> Any:
    # SQLAlchemy keeps UTC datetimes in SQLite as this text; julianday() and ranges read it.
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(value, datetime) else value


def _fill_sqlite(path: str, users: list[Any], areas: list[Any], rows: Iterator[Any]) -> None:
    def insert(db: sqlite3.Connection, table: str, columns: tuple[str, ...], data: list[Any]):
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        db.executemany(sql, ([_text(v) for v in row] for row in data))

    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    insert(db, "users", USER_COLUMNS, users)
    insert(db, "coordinator_areas", ("user_id", "kecamatan_code"), areas)
    for cases, events, referrals in _chunks(rows):
        insert(db, "cases", CASE_COLUMNS, cases)
        insert(db, "case_events", EVENT_COLUMNS, events)
        insert(db, "referrals", REFERRAL_COLUMNS, referrals)
        db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
