"""Retention: closed cases and people who left lose their personal data, statistics stay right."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime.clock import Clock, FixedClock
from bot.runtime.settings import Settings
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, CasePhoto, Referral
from storage.conversations import ConversationDraft
from storage.delivery import OutboxMessage
from storage.people import RosterEntry, User, UserStatus
from tests.cli import run_cli
from tests.factories import START, add_psm_and_coordinator, add_rows, fetch
from tests.harness import BotHarness
from tests.privacy.history import day, lived_case, statistics
from tests.privacy.reports import cipher_of
from tests.texts import said

PSM, COORDINATOR = 1001, 2001
JOB = "retention"


def linked(number: str) -> str:
    """A closed case about the same person, listed under a later one."""
    return said(
        "case-linked-line", number=number, status=said("status-selesai"), kecamatan="Tangerang"
    )


@pytest.fixture
async def cases(harness: BotHarness, schema: str) -> dict[str, int]:
    """Closed in 2020 (due: the clock says December 2026), closed in 2023, open since 2018,
    and a 2026 report about the same person as the first."""
    await add_psm_and_coordinator(schema, PSM, COORDINATOR)
    cipher = cipher_of(harness)
    made = {}
    for number, reported, closed in (
        ("TNG-2019-00001", day(2019), day(2020)),
        ("TNG-2022-00001", day(2022), day(2023)),
        ("TNG-2018-00001", day(2018), None),
        ("TNG-2026-00001", day(2026), None),
    ):
        made[number] = await lived_case(
            schema, cipher, PSM, COORDINATOR, number, reported=reported, closed=closed
        )
    return made


async def test_retention_keeps_what_rekap_counts_and_removes_the_rest(
    harness: BotHarness, schema: str, cases: dict[str, int]
) -> None:
    before = await statistics(schema)
    old = cases["TNG-2019-00001"]
    await harness.run_job(JOB)

    assert await statistics(schema) == before
    [case] = await fetch(schema, Case, id=old)
    assert (case.beneficiary_name, case.address, case.description) == ("-", "-", "-")
    assert (case.nik_encrypted, case.nik_masked, case.nik_index, case.no_nik_reason) == (None,) * 4
    assert (case.birth_date, case.latitude, case.longitude) == (None, None, None)
    assert case.anonymised_at is not None and case.photos == []
    assert [e.note for e in await fetch(schema, CaseEvent, case_id=old)] == [None] * 4
    [referral] = await fetch(schema, Referral, case_id=old)
    assert (referral.sector, referral.outcome, referral.note) == ("dinkes", "done", None)
    [alert] = await fetch(schema, OutboxMessage, campaign_id=old)
    assert "Mak Onah" not in str(alert.payload) and alert.status == "sent"
    assert [a.action for a in await fetch(schema, AuditEntry, case_id=old)] == [
        "case.view",
        "case.anonymise",
    ]

    for number in ("TNG-2022-00001", "TNG-2018-00001", "TNG-2026-00001"):
        [kept] = await fetch(schema, Case, id=cases[number])
        assert kept.beneficiary_name == "Mak Onah" and kept.nik_index is not None, number
        assert kept.anonymised_at is None and len(kept.photos) == 1
    assert len(await fetch(schema, CasePhoto)) == 3
    [run] = await fetch(schema, AuditEntry, action="retention.run")
    assert (run.detail["cases"], run.detail["years"]) == (1, 5)


async def test_a_later_case_about_the_same_person_no_longer_links_to_an_anonymised_one(
    harness: BotHarness, cases: dict[str, int]
) -> None:
    coordinator = harness.user(COORDINATOR)
    assert linked("TNG-2019-00001") in (await coordinator.send("/kasus TNG-2026-00001")).text
    await harness.run_job(JOB)
    view = await coordinator.send("/kasus TNG-2026-00001")
    assert "TNG-2019-00001" not in view.text and linked("TNG-2022-00001") in view.text
    old = await coordinator.send("/kasus TNG-2019-00001")
    assert "Mak Onah" not in old.text
    closed = said("status-selesai")
    assert old.says("case-detail", number="TNG-2019-00001", status=closed, name="-")


async def test_a_second_run_finds_nothing_more_to_do(
    harness: BotHarness, schema: str, cases: dict[str, int]
) -> None:
    await harness.run_job(JOB)
    await harness.run_job(JOB)
    runs = await fetch(schema, AuditEntry, action="retention.run")
    assert [r.detail["cases"] for r in runs] == [1, 0]
    assert len(await fetch(schema, AuditEntry, action="case.anonymise")) == 1


async def test_people_who_left_lose_name_and_phone_after_the_retention_years(
    harness: BotHarness, schema: str, clock: FixedClock
) -> None:
    await add_rows(
        schema,
        User(telegram_id=1005, full_name="Wati", phone="+6281200000005", role="psm",
             status=UserStatus.INACTIVE, created_at=START),
        User(telegram_id=1006, full_name="Joko", phone="+6281200000006", role="psm",
             status=UserStatus.INACTIVE, created_at=START),
        User(telegram_id=1007, full_name="Tuti", phone="+6281200000007", role="psm",
             status=UserStatus.ACTIVE, created_at=START),
        RosterEntry(phone="+6281200000005", full_name="Wati", role="psm", imported_at=START),
        ConversationDraft(telegram_id=1005, chat_id=1005, conversation="report", step=2,
                          data={"name": "Mak Onah"}, started_at=START, updated_at=START),
    )  # fmt: skip
    await harness.run_job(JOB)
    people = {u.telegram_id: u for u in await fetch(schema, User)}
    assert people[1005].inactive_since == clock.now() and people[1005].full_name == "Wati"
    assert people[1007].inactive_since is None

    engine_clock = clock.now()
    clock.set(engine_clock + timedelta(days=365 * 2))
    await _set_status(schema, 1006, UserStatus.ACTIVE)  # back before the years were up
    await harness.run_job(JOB)
    clock.set(engine_clock + timedelta(days=365 * 5 + 2))
    await harness.run_job(JOB)

    people = {u.telegram_id: u for u in await fetch(schema, User)}
    assert (people[1005].full_name, people[1005].phone) == ("-", None)
    assert people[1005].anonymised_at == clock.now()
    assert people[1006].full_name == "Joko" and people[1006].inactive_since is None
    assert people[1007].full_name == "Tuti"
    assert await fetch(schema, RosterEntry) == []
    assert await fetch(schema, ConversationDraft) == []
    [gone] = await fetch(schema, AuditEntry, action="user.anonymise")
    assert gone.detail["user_id"] == people[1005].id


async def _set_status(url: str, telegram_id: int, status: UserStatus) -> None:
    from sqlalchemy import update

    from storage.db import create_engine, create_sessions

    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        await session.execute(
            update(User).where(User.telegram_id == telegram_id).values(status=status)
        )
    await engine.dispose()


async def test_the_monthly_job_runs_only_when_switched_on(
    telegram: FakeTelegramServer, settings: Settings, clock: FixedClock
) -> None:
    bot = BotHarness(telegram, settings.model_copy(update={"retention_job": False}), clock)
    await bot.start()
    try:
        assert bot.app is not None and bot.app.job_queue is not None
        assert bot.app.job_queue.get_jobs_by_name(JOB) == ()
    finally:
        await bot.stop()


@pytest.mark.process
async def test_psm_bot_retention_shows_what_is_due_and_applies_it_only_when_asked(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    from bot.privacy.crypto import load_cipher

    cipher = load_cipher(None, tmp_path / "data")
    await add_psm_and_coordinator(database_url, PSM, COORDINATOR)
    # The command reads the wall clock, so the cases' years are counted back from it: one closed
    # ten years ago (due), one last year (kept), on any date.
    year = Clock().now().year
    due, kept = f"TNG-{year - 11}-00001", f"TNG-{year - 1}-00001"
    old = await lived_case(
        database_url,
        cipher,
        PSM,
        COORDINATOR,
        due,
        reported=day(year - 11),
        closed=day(year - 10),
    )
    await lived_case(
        database_url,
        cipher,
        PSM,
        COORDINATOR,
        kept,
        reported=day(year - 1, 1),
        closed=day(year - 1, 2),
    )

    shown = await run_cli(tmp_path, "retention", DATABASE_URL=database_url)
    assert shown.code == 0, shown.stderr
    assert f"closed cases to anonymise: 1 {due}" in shown.stdout
    assert "--apply" in shown.stdout
    [case] = await fetch(database_url, Case, id=old)
    assert case.beneficiary_name == "Mak Onah"

    done = await run_cli(tmp_path, "retention", "--apply", DATABASE_URL=database_url)
    assert done.code == 0, done.stderr
    assert "anonymised 1 case(s)" in done.stdout
    [case] = await fetch(database_url, Case, id=old)
    assert case.beneficiary_name == "-" and case.nik_encrypted is None
    assert [c.beneficiary_name for c in await fetch(database_url, Case, number=kept)] == [
        "Mak Onah"
    ]


async def test_a_retention_run_killed_midway_keeps_its_finished_batches_and_the_next_finishes(
    harness: BotHarness, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.records import anonymise, retention

    await add_psm_and_coordinator(schema, PSM, COORDINATOR)
    cipher = cipher_of(harness)
    for number in range(1, 6):
        await lived_case(
            schema, cipher, PSM, COORDINATOR, f"TNG-2019-0000{number}", reported=day(2019),
            closed=day(2020),
        )  # fmt: skip
    monkeypatch.setattr(retention, "BATCH", 2)
    real, calls = anonymise.anonymise_case, []

    async def dies_on_the_third(*args: object) -> None:
        calls.append(args)
        if len(calls) == 3:
            raise RuntimeError("killed")
        await real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(retention, "anonymise_case", dies_on_the_third)
    await harness.run_job(JOB)  # the job's error goes to the error handler, as in production
    done = [c.number for c in await fetch(schema, Case) if c.anonymised_at is not None]
    assert done == ["TNG-2019-00001", "TNG-2019-00002"]
    assert len(await fetch(schema, AuditEntry, action="case.anonymise")) == 2

    monkeypatch.setattr(retention, "anonymise_case", real)
    await harness.run_job(JOB)
    assert all(c.anonymised_at is not None for c in await fetch(schema, Case))
    assert len(await fetch(schema, AuditEntry, action="case.anonymise")) == 5
