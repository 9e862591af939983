"""Who saw what: lists and searches are audited, admins review the log, nobody rewrites it."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import delete, insert, text, update
from sqlalchemy.exc import DBAPIError

from bot.runtime.texts import MAX_MESSAGE, telegram_length
from storage.audit import AuditEntry
from storage.db import create_engine
from storage.migrate import alembic_config
from storage.people import Role, User
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, add_case, add_rows, add_user, fetch
from tests.harness import BotHarness, Chat
from tests.texts import said

PSM, COORDINATOR, CIPONDOH_COORDINATOR = 1001, 2001, 2002


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_user(schema, PSM, name="Lutpiah")
    await add_user(schema, COORDINATOR, Role.COORDINATOR, None, (TANGERANG, CIPONDOH))
    await add_user(schema, CIPONDOH_COORDINATOR, Role.COORDINATOR, None, (CIPONDOH,))
    return await add_case(schema, PSM, urgency="darurat")


@pytest.fixture
def admin(harness: BotHarness) -> Chat:
    return harness.user(ADMIN_ID)


async def test_every_list_writes_who_which_filter_and_how_many_rows(
    harness: BotHarness, schema: str, case_id: int
) -> None:
    coordinator = harness.user(COORDINATOR)
    await coordinator.send("/kasus")
    await coordinator.tap(said("filter-urgency-all"))
    await coordinator.tap(said("filter-kecamatan-all"))
    lists = await fetch(schema, AuditEntry, action="case.list")
    assert [(a.detail["urgency"], a.detail["kecamatan"], a.detail["rows"]) for a in lists] == [
        (None, None, 1),
        ("darurat", None, 1),
        ("darurat", TANGERANG, 1),
    ]
    [user] = {a.actor_id for a in lists}
    assert user is not None and all(a.detail["status"] == "open" for a in lists)
    await harness.user(CIPONDOH_COORDINATOR).send("/kasus")
    assert (await fetch(schema, AuditEntry, action="case.list"))[-1].detail["total"] == 0


async def test_an_admin_reviews_the_log_by_case_user_and_period(
    harness: BotHarness, admin: Chat, schema: str, case_id: int
) -> None:
    coordinator = harness.user(COORDINATOR)
    await coordinator.send("/kasus TNG-2026-00001")
    await harness.user(PSM).send("/kasus")

    by_case = await admin.send("/audit TNG-2026-00001")
    assert by_case.says("audit-header", shown=1, total=1)
    # Actions in words, not codes; details as a readable line.
    viewed, listed = said("audit-action-case-view"), said("audit-action-case-list")
    assert by_case.says("audit-line", action=viewed, case="TNG-2026-00001", detail="")
    by_user = await admin.send(f"/audit {COORDINATOR}")
    assert by_user.says("audit-line", action=viewed, detail="") and listed not in by_user.text
    recent = await admin.send("/audit")
    assert recent.says("audit-line", action=listed, case="")
    reviewed = recent.says("audit-line", action=said("audit-action-audit-view"), case="")
    by_account = f"{said('audit-detail-by')} {said('audit-by-user')}"
    assert reviewed and by_account in reviewed["detail"]
    assert "{" not in recent.text and "case.view" not in recent.text
    assert (await admin.send("/audit 01-01-2020 31-01-2020")).text == said("audit-empty")
    assert (await admin.send("/audit 01-12-2026")).says("audit-line", action=viewed, detail="")

    reviews = await fetch(schema, AuditEntry, action="audit.view")
    assert [r.detail["filter"]["by"] for r in reviews] == [
        "case",
        "user",
        "period",
        "period",
        "period",
    ]
    assert reviews[0].detail["filter"]["case"] == case_id and reviews[0].detail["rows"] == 1
    assert reviews[3].detail["filter"]["first"] == "2020-01-01"
    # The admin's own five reviews: the sixth, of this page, is written after the count.
    assert (await admin.send(f"/audit {ADMIN_ID}")).says("audit-header", shown=5, total=5)


async def test_the_log_downloads_as_a_spreadsheet_and_the_download_is_audited(
    harness: BotHarness, admin: Chat, schema: str, case_id: int
) -> None:
    await harness.user(COORDINATOR).send("/kasus TNG-2026-00001")
    await admin.send("/audit TNG-2026-00001")
    sent = await admin.tap(said("button-audit-export"))
    assert sent.last["caption"] == said("audit-export-caption", count=1)
    data = harness.telegram.state.files[sent.last["document"]["file_id"]].data
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    header, *rows = sheet.iter_rows(values_only=True)
    columns = ("at", "who", "action", "case", "detail")
    assert header == tuple(said(f"audit-col-{column}") for column in columns)
    assert [(r[2], r[3]) for r in rows] == [(said("audit-action-case-view"), "TNG-2026-00001")]
    assert sent.last["document"]["file_name"] == "audit-2026-12-01.xlsx"
    [export] = await fetch(schema, AuditEntry, action="audit.export")
    assert export.detail["rows"] == 1 and export.actor_id is not None


async def test_only_admins_review_the_log_even_with_a_forged_button(
    harness: BotHarness, schema: str, case_id: int
) -> None:
    coordinator = harness.user(COORDINATOR)
    assert (await coordinator.send("/audit")).text == said("audit-refused")
    help_message = (await coordinator.send("/bantuan")).last
    await coordinator.tap_data(f"au:case:{case_id}:-", help_message)
    answers = [
        r.params.get("text", "")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery"
    ]
    assert answers[-1] == said("audit-refused")
    assert [s for s in harness.telegram.requests if s.method == "sendDocument"] == []
    assert await fetch(schema, AuditEntry, action="audit.view") == []


async def test_a_page_of_long_entries_shows_the_newest_that_fit_in_one_message(
    harness: BotHarness, admin: Chat, schema: str
) -> None:
    await add_user(schema, 3001, Role.COORDINATOR, None, areas=(TANGERANG,), name="W" * 100)
    [wordy] = await fetch(schema, User, telegram_id=3001)
    at = harness.clock.now()
    await add_rows(
        schema,
        *(
            AuditEntry(actor_id=wordy.id, action="user.list", detail={"filter": "x" * 150}, at=at)
            for _ in range(25)
        ),
    )
    page = await admin.send("/audit 3001")
    assert telegram_length(page.text) <= MAX_MESSAGE
    shown = page.text.count("W" * 100)
    assert 0 < shown < 20 and page.says("audit-header", shown=shown, total=25)


async def test_an_unknown_case_or_account_is_explained(admin: Chat, case_id: int) -> None:
    assert (await admin.send("/audit TNG-2026-99999")).text == said("audit-bad-case")
    assert (await admin.send("/audit 424242")).text == said("audit-bad-user")
    assert (await admin.send("/audit kemarin dulu sekali")).text == said("audit-bad-usage")
    assert (await admin.send("/audit ²")).text == said("audit-bad-case")
    assert (await admin.send("/audit 12345678901234567890")).text == said("audit-bad-user")


async def _refused(url: str) -> None:
    """Write one entry, then try to change and to remove it: both must fail, it must stay."""
    engine = create_engine(url)
    at = datetime(2026, 12, 1, tzinfo=UTC)
    async with engine.begin() as connection:
        await connection.execute(insert(AuditEntry).values(action="case.view", detail={}, at=at))
    for statement in (
        update(AuditEntry).values(action="case.nothing"),
        delete(AuditEntry),
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            async with engine.begin() as connection:
                await connection.execute(statement)
    async with engine.connect() as connection:
        rows = (await connection.execute(text("SELECT action FROM audit_log"))).all()
    await engine.dispose()
    assert rows == [("case.view",)]


async def test_an_update_or_a_delete_on_the_audit_log_fails(schema: str) -> None:
    await _refused(schema)


async def test_the_migration_makes_an_existing_audit_log_append_only(database_url: str) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(database_url), "head")
    await _refused(database_url)


async def test_an_export_of_50000_entries_leaves_the_loop_free(
    harness: BotHarness, admin: Chat, schema: str
) -> None:
    at = harness.clock.now()
    engine = create_engine(schema)
    async with engine.begin() as connection:
        rows = [{"action": "user.list", "detail": {"rows": n}, "at": at} for n in range(50_000)]
        await connection.execute(insert(AuditEntry), rows)
    await engine.dispose()
    await admin.send("/audit")
    # The slow-callback guard (tests/loop_guard.py) fails this test if the loop is held.
    since = harness.telegram.mark()
    admin.user.click(admin.last_with_buttons(), said("button-audit-export"))
    caption = said("audit-export-caption", count=50_000)
    # Some 20 s on a loaded machine: past the harness's 10 s per update.
    await harness.telegram.wait_for_message(
        admin.id, lambda m: m.get("caption") == caption, 60, since
    )
