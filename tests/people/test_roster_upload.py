"""The roster in chat (/impor) and on the server (import-roster --sync): checked in full,
shown before it is applied, and a sync deactivates exactly the active PSM missing from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.people.roster import COLUMNS
from handlers.people.roster_upload import VALUE_LENGTH
from storage.audit import AuditEntry
from storage.people import Role, RosterEntry, User, UserStatus
from tests.cli import run_cli
from tests.conftest import ADMIN_ID
from tests.factories import TANGERANG, add_user, fetch
from tests.harness import BotHarness
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, People
from tests.texts import said

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["Nama", "Telepon", "Kelurahan", "Kecamatan", "Peran"]
# Lutpiah stays (her number typed as a number by Excel), Rina is missing, Ani is new.
ROSTER = [
    HEADER,
    ["Lutpiah", 81200000001, "Sukarasa", "Tangerang", "psm"],
    ["Ani Suryani", "0812-0000-0009", "Sukaasih", "Tangerang", "psm"],
]


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_file(rows: list[list[object]]) -> bytes:
    return "\r\n".join(";".join(str(cell) for cell in row) for row in rows).encode()


async def statuses(schema: str) -> dict[int, str]:
    return {user.telegram_id: user.status for user in await fetch(schema, User)}


async def test_an_invalid_roster_changes_nothing_and_says_which_lines(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    asked = await coordinator.send("/impor")
    assert asked.text == said("import-ask-file")
    wrong = await coordinator.send_document("foto.pdf", "application/pdf", data=b"%PDF")
    assert wrong.text == said("import-wrong-type") + "\n\n" + said("import-ask-file")
    bad = [
        *ROSTER,
        ["", "0812", "Sukarasa", "Tangerang", "psm"],
        ["Eka", "0812-0000-0008", "Atlantis", "", "psm"],
    ]
    before = await statuses(schema)
    reply = await coordinator.send_document("psm.xlsx", XLSX, data=workbook(bad))
    problems = [
        said("roster-problem-name-empty", line=4),
        said("roster-problem-kelurahan-unknown", line=5, kelurahan="Atlantis"),
    ]
    lines = [said("import-invalid", count=2), *(f"• {problem}" for problem in problems)]
    assert reply.text == "\n".join(lines) + "\n\n" + said("import-ask-file"), "asked again"
    unknown = [["Nama", "Telepon", "Alamat"], ["Ani", "081200000011", "Jl. Mawar"]]
    reply = await coordinator.send_document("psm.csv", "text/csv", data=csv_file(unknown))
    expected = ", ".join(sorted(COLUMNS))
    columns = said("roster-problem-unknown-columns", line=1, unknown="Alamat", expected=expected)
    assert reply.text.startswith(said("import-invalid", count=1) + f"\n• {columns}\n\n")
    assert await fetch(schema, RosterEntry) == [] and await statuses(schema) == before
    assert await fetch(schema, AuditEntry, action="roster.upload") == []


async def test_a_coordinator_with_an_english_chat_reads_the_problems_in_english(
    harness: BotHarness, people: People, schema: str
) -> None:
    await add_user(schema, 2003, Role.COORDINATOR, None, areas=(TANGERANG,), locale="en")
    coordinator = harness.user(2003)
    assert (await coordinator.send("/impor")).says("import-ask-file", "en")
    unknown = "Atlantis <Timur> & " + "Barat" * 80  # the cell's text, shown escaped and cut
    bad = [
        HEADER,
        ["Ani\x00", "081200000011", "Sukarasa", "Tangerang", "psm"],
        ["Eka", "081200000012", "Sukarasa", unknown, "psm"],
        ["Lutpiah", "081200000011", "Sukarasa", "Tangerang", "psm"],
        ["Wati", "081200000013", "Sukarasa", "Tangerang", "psm"],
        ["Yuni", "081200000013", "Sukarasa", "Tangerang", "psm"],
    ]
    reply = await coordinator.send_document("psm.csv", "text/csv", data=csv_file(bad))
    name = said("roster-column-name", "en")
    problems = [
        said("roster-problem-control-character", "en", line=2, column=name, code="0000"),
        said(
            "roster-problem-kecamatan-unknown",
            "en",
            line=3,
            kecamatan=unknown[: VALUE_LENGTH - 1] + "…",
        ),
        said("roster-problem-phone-repeated", "en", line=6, first=5),
    ]
    lines = [said("import-invalid", "en", count=3), *(f"• {problem}" for problem in problems)]
    assert reply.text == "\n".join(lines) + "\n\n" + said("import-ask-file", "en")
    assert await fetch(schema, RosterEntry) == []


async def test_a_name_a_spreadsheet_would_run_is_pointed_out_before_it_is_imported(
    harness: BotHarness, people: People, schema: str
) -> None:
    rows = [*ROSTER, ["@Ani", "081200000010", "Sukarasa", "Tangerang", "psm"]]
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    plan = await coordinator.send_document("psm.csv", "text/csv", data=csv_file(rows))
    summary = said("import-plan", rows=3, new=2, updated=0, unchanged=1, missing=1)
    warning = said("roster-problem-formula", line=4, name="@Ani", char="@")
    assert plan.text.startswith(summary + "\n")
    assert f"\n{said('import-plan-warnings')}\n• {warning}\n\n" in plan.text
    assert await fetch(schema, RosterEntry) == [], "nothing changes before the confirmation"
    done = await coordinator.tap(said("import-button-apply"))
    assert done.text == said("import-done", rows=3, deactivated=0)
    assert "@Ani" in {entry.full_name for entry in await fetch(schema, RosterEntry)}


async def test_a_coordinator_may_import_only_people_of_their_kecamatan(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    outside = [
        *ROSTER,
        ["Dedi Kurnia", "081200000003", "Cipondoh", "Cipondoh", "psm"],
        ["Bu Ratna", "081299990000", "", "Tangerang", "koordinator"],
    ]
    reply = await coordinator.send_document("psm.xlsx", XLSX, data=workbook(outside))
    problems = [said("import-refused-area", line=4), said("import-refused-role", line=5)]
    lines = [said("import-invalid", count=2), *(f"• {problem}" for problem in problems)]
    assert reply.text == "\n".join(lines) + "\n\n" + said("import-ask-file")
    assert await fetch(schema, RosterEntry) == []
    [dedi] = await fetch(schema, User, telegram_id=DEDI)
    assert dedi.status == "active"


async def test_a_valid_sync_deactivates_exactly_the_missing_active_psm(
    harness: BotHarness, people: People, schema: str
) -> None:
    pending = UserStatus.PENDING
    await add_user(schema, 1020, name="Yanti Baru", status=pending, phone="+6281200000020")
    await add_user(schema, 1021, name="Wawan Pergi", status=UserStatus.INACTIVE)
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    plan = await coordinator.send_document("psm.xlsx", XLSX, data=workbook(ROSTER))
    summary = said("import-plan", rows=2, new=1, updated=0, unchanged=1, missing=1)
    missing = [said("import-plan-missing"), "• Rina Marlina (+6281200000002)"]
    assert plan.text == "\n".join([summary, *missing, "", said("import-ask-confirm")])
    sync = said("import-button-sync", count=1)
    assert plan.buttons == [said("import-button-apply"), sync, said("import-button-cancel")]
    assert await fetch(schema, RosterEntry) == [], "nothing changes before the confirmation"
    [shown] = await fetch(schema, AuditEntry, action="roster.preview")
    assert shown.actor_id == people[BUDI] and shown.detail["missing"] == [people[RINA]]
    done = await coordinator.tap(sync)
    assert done.text == said("import-done", rows=2, deactivated=1)
    assert await statuses(schema) == {
        ADMIN_ID: "active", LUTPIAH: "active", RINA: "inactive", DEDI: "active",
        BUDI: "active", 2002: "active", 1020: "pending", 1021: "inactive",
    }  # fmt: skip
    assert {e.full_name for e in await fetch(schema, RosterEntry)} == {"Lutpiah", "Ani Suryani"}
    [upload] = await fetch(schema, AuditEntry, action="roster.upload")
    assert upload.actor_id == people[BUDI] and upload.detail["deactivated"] == [people[RINA]]


async def test_importing_without_sync_deactivates_nobody_and_moves_a_registered_psm(
    harness: BotHarness, people: People, schema: str
) -> None:
    moved = [HEADER, ["Lutpiah", "081200000001", "Sukaasih", "Tangerang", "psm"]]
    coordinator = harness.user(BUDI)
    await coordinator.send("/impor")
    plan = await coordinator.send_document("psm.csv", "text/csv", data=csv_file(moved))
    assert plan.says("import-plan", rows=1, new=0, updated=1, unchanged=0, missing=1)
    done = await coordinator.tap(said("import-button-apply"))
    assert done.text == said("import-done", rows=1, deactivated=0)
    assert (await statuses(schema))[RINA] == "active"
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.kelurahan_code == "3671011002"
    await harness.deliver()
    moved = said("person-event-moved", **{"from": "Sukarasa", "to": "Sukaasih"})
    assert harness.telegram.sent_to(LUTPIAH)[-1]["text"] == said("person-told", change=moved)


@pytest.mark.process
async def test_the_cli_sync_is_a_dry_run_unless_applied(tmp_path: Path, database_url: str) -> None:
    migrated = await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)
    assert migrated.code == 0, migrated.stderr
    await add_user(database_url, LUTPIAH, name="Lutpiah", phone="+6281200000001")
    await add_user(database_url, RINA, name="Rina Marlina", phone="+6281200000002")
    roster = tmp_path / "psm.xlsx"
    roster.write_bytes(workbook(ROSTER))
    dry = await run_cli(tmp_path, "import-roster", str(roster), "--sync", DATABASE_URL=database_url)
    assert dry.code == 0, dry.stderr
    assert "would deactivate: Rina Marlina" in dry.stdout and "dry run" in dry.stdout
    assert await fetch(database_url, RosterEntry) == []
    assert (await statuses(database_url))[RINA] == "active"
    [shown] = await fetch(database_url, AuditEntry, action="roster.preview")
    assert shown.detail["rows"] == 2 and len(shown.detail["missing"]) == 1
    done = await run_cli(
        tmp_path, "import-roster", str(roster), "--sync", "--apply", DATABASE_URL=database_url
    )
    assert done.code == 0, done.stderr
    assert "deactivated 1" in done.stdout
    assert await statuses(database_url) == {LUTPIAH: "active", RINA: "inactive"}
    assert len(await fetch(database_url, RosterEntry)) == 2
