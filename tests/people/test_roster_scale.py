"""Large rosters: 40,000 rows import on every database (PostgreSQL took at most 32,767 phones
in one preview query), and 10,000 rows apply while PSM go on reporting, error-free."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.people import Wording, roster_sync
from bot.people.roster import BATCH, read_roster_data
from bot.people.roster_sync import apply_roster
from bot.privacy.access import OPERATOR
from storage.db import create_engine, create_sessions
from storage.people import RosterEntry
from tests.conftest import ADMIN_ID, POSTGRES
from tests.factories import add_user
from tests.harness import BotHarness, Chat
from tests.people.conftest import People
from tests.people.test_roster_upload import HEADER, csv_file
from tests.texts import said, said_pattern

# 40,000 rows took 20-80 s on a loaded machine: past the harness's 10 s per update.
PATIENCE = 300.0
REPORTERS = range(5001, 5021)


def roster(rows: int) -> bytes:
    lines = [
        HEADER,
        *([f"PSM {n}", f"0813{n:08d}", "Sukarasa", "Tangerang", "psm"] for n in range(rows)),
    ]
    return csv_file(lines)  # type: ignore[arg-type]


async def entries(schema: str) -> int:
    engine = create_engine(schema)
    try:
        async with create_sessions(engine)() as session:
            return await session.scalar(select(func.count()).select_from(RosterEntry)) or 0
    finally:
        await engine.dispose()


async def upload(harness: BotHarness, admin: Chat, rows: int) -> None:
    """Send the roster to /impor and wait, as long as it takes, for the preview."""
    await admin.send("/impor")
    since = harness.telegram.mark()
    admin.user.send_document("psm.csv", "text/csv", data=roster(rows))
    plan = said_pattern("import-plan", rows=rows, new=rows)
    await harness.telegram.wait_for_message(
        admin.id, lambda m: bool(plan.search(m.get("text", ""))), PATIENCE, since
    )


async def apply(harness: BotHarness, admin: Chat, rows: int) -> None:
    since = harness.telegram.mark()
    admin.user.click(admin.last_with_buttons(), said("import-button-apply"))
    done = said("import-done", rows=rows, deactivated=0)
    await harness.telegram.wait_for_message(
        admin.id, lambda m: m.get("text") == done, PATIENCE, since
    )


@pytest.mark.timeout(PATIENCE)
@pytest.mark.skipif(
    not POSTGRES,
    reason="the argument limit is PostgreSQL's; 20 s on SQLite, where 10,000 rows test batches",
)
async def test_a_roster_of_40000_rows_is_previewed_and_imported(
    harness: BotHarness, people: People, schema: str
) -> None:
    admin = harness.user(ADMIN_ID)
    await upload(harness, admin, 40_000)
    await apply(harness, admin, 40_000)
    assert await entries(schema) == 40_000


async def test_20_psm_report_without_an_error_while_10000_rows_are_applied(
    harness: BotHarness, people: People, schema: str
) -> None:
    for telegram_id in REPORTERS:
        await add_user(schema, telegram_id, name=f"Reporter {telegram_id}")
    admin = harness.user(ADMIN_ID)
    await upload(harness, admin, 10_000)
    applying = asyncio.create_task(apply(harness, admin, 10_000))
    reporters = [harness.user(telegram_id) for telegram_id in REPORTERS]
    replies = []
    while not applying.done():
        replies += await asyncio.gather(*(chat.send("/lapor") for chat in reporters))
        replies += await asyncio.gather(*(chat.send("/batal") for chat in reporters))
    await applying
    assert len(replies) >= 40, "the reports went on while the roster was applied"
    assert not [reply for reply in replies if reply.says("error-user")]
    assert all(reply.messages for reply in replies), "every PSM was answered"
    assert await entries(schema) == 10_000


async def test_an_import_stopped_halfway_is_finished_by_importing_again(
    harness: BotHarness, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert harness.app is not None
    services = harness.app.bot_data.services
    assert services is not None
    rows = read_roster_data(roster(1_800), services.regions).rows
    saved = roster_sync.save_entries
    calls = 0

    async def killed_in_the_third_batch(*args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        await saved(*args)

    monkeypatch.setattr(roster_sync, "save_entries", killed_in_the_third_batch)
    wording, now = Wording.of(services), harness.clock.now()

    async def no_cases(_session: object, _user_id: int) -> list[str]:
        return []

    with pytest.raises(KeyboardInterrupt):
        await apply_roster(services.sessions, wording, rows, OPERATOR, None, now, no_cases)
    assert await entries(schema) == 2 * BATCH, "the batches before the stop stay saved"
    await apply_roster(services.sessions, wording, rows, OPERATOR, None, now, no_cases)
    assert await entries(schema) == 1_800
