"""A person asks what is held about them, or for its erasure: answered by an admin, audited."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent
from storage.people import Role, User
from storage.records import SubjectRequest
from tests.cli import run_cli
from tests.conftest import ADMIN_ID
from tests.factories import add_psm_and_coordinator, add_rows, add_user, fetch
from tests.harness import BotHarness, Chat
from tests.privacy.history import day, lived_case
from tests.privacy.reports import NIK, OTHER_NIK, cipher_of
from tests.texts import said

PSM, COORDINATOR = 1001, 2001
# Mak Onah's cases as /subjek lists them (reported on 1 June, at 10:00 in Tangerang).
FOUND = [
    said("subject-case-line", number="TNG-2025-00001", date="01-06-2025",
         status=said("status-selesai"), kecamatan="Tangerang"),
    said("subject-case-line", number="TNG-2026-00001", date="01-06-2026",
         status=said("status-dirujuk"), kecamatan="Tangerang"),
]  # fmt: skip
SHEETS = [
    said(f"subject-sheet-{sheet}") for sheet in ("cases", "events", "referrals", "files", "audit")
]


@pytest.fixture
async def cases(harness: BotHarness, schema: str) -> dict[str, int]:
    """Two cases about Mak Onah (one closed), one about somebody else."""
    await add_psm_and_coordinator(schema, PSM, COORDINATOR)
    cipher = cipher_of(harness)
    return {
        "closed": await lived_case(
            schema, cipher, PSM, COORDINATOR, "TNG-2025-00001", reported=day(2025),
            closed=day(2025, 9),
        ),
        "open": await lived_case(
            schema, cipher, PSM, COORDINATOR, "TNG-2026-00001", reported=day(2026), closed=None
        ),
        "other": await lived_case(
            schema, cipher, PSM, COORDINATOR, "TNG-2026-00002", reported=day(2026), closed=None,
            nik=OTHER_NIK, name="Siti Rahma",
        ),
    }  # fmt: skip


@pytest.fixture
def admin(harness: BotHarness) -> Chat:
    return harness.user(ADMIN_ID)


async def test_an_admin_finds_everything_about_a_person_by_nik_and_the_nik_leaves_the_chat(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    reply = await admin.send(f"/subjek {NIK[:6]} {NIK[6:12]} {NIK[12:]}")
    typed = [m.get("text") or "" for m in harness.telegram.history(admin.id)]
    assert all(NIK[6:12] not in text for text in typed)
    [request] = await fetch(schema, SubjectRequest)
    # Held about her: 7 history entries, 2 referrals, 2 audit rows (one case.view per case).
    found = said("subject-found", request=request.id, cases=2, events=7, referrals=2, audit=2)
    assert reply.text == "\n".join([found, *FOUND])
    assert reply.buttons == [said("button-subject-export"), said("button-subject-erase")]
    assert sorted(request.case_ids) == [cases["closed"], cases["open"]]
    [lookup] = await fetch(schema, AuditEntry, action="subject.lookup")
    assert lookup.detail == {"request_id": request.id, "by": "nik", "cases": 2}


async def test_a_person_is_found_by_name_and_birth_date_too(
    admin: Chat, cases: dict[str, int]
) -> None:
    reply = await admin.send("/subjek mak onah 12-03-1950")
    assert reply.says("subject-found", cases=2) and reply.text.endswith("\n".join(FOUND))
    assert (await admin.send("/subjek Mak Onah 13-03-1950")).says("subject-none")


async def test_the_access_request_is_one_spreadsheet_of_cases_history_referrals_and_audit(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    await admin.send(f"/subjek {NIK}")
    sent = await admin.tap(said("button-subject-export"))
    [request] = await fetch(schema, SubjectRequest)
    assert sent.last["caption"] == said("subject-export-caption", request=request.id)
    document = sent.last["document"]
    book = load_workbook(io.BytesIO(harness.telegram.state.files[document["file_id"]].data))
    assert book.sheetnames == SHEETS
    header, *rows = book[said("subject-sheet-cases")].iter_rows(values_only=True)
    columns = ("number", "created", "status")
    assert header[:3] == tuple(said(f"subject-col-{column}") for column in columns)
    assert [(r[0], r[5], r[6]) for r in rows] == [
        ("TNG-2025-00001", "Mak Onah", "367101••••••••01"),
        ("TNG-2026-00001", "Mak Onah", "367101••••••••01"),
    ]
    events = book[said("subject-sheet-events")]
    assert "Anaknya di Bekasi" in [row[2] for row in events.iter_rows(values_only=True, min_row=2)]
    audit = book[said("subject-sheet-audit")]
    actions = [row[2] for row in audit.iter_rows(values_only=True, min_row=2)]
    assert actions.count(said("audit-action-case-view")) == 2
    assert NIK not in str([list(sheet.values) for sheet in book])
    [export] = await fetch(schema, AuditEntry, action="subject.export")
    assert (export.detail["cases"], export.actor_id is not None) == (2, True)


@pytest.mark.parametrize("note", ['=HYPERLINK("http://evil","klik")', "+62 812 3456", "@SUM(A1)"])
async def test_a_note_typed_like_a_formula_stays_plain_text_in_the_export(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int], note: str
) -> None:
    await add_rows(schema, CaseEvent(case_id=cases["open"], kind="note", note=note, at=day(2026)))
    await admin.send(f"/subjek {NIK}")
    sent = await admin.tap(said("button-subject-export"))
    document = sent.last["document"]
    book = load_workbook(io.BytesIO(harness.telegram.state.files[document["file_id"]].data))
    [cell] = [row[2] for row in book[said("subject-sheet-events")].iter_rows(min_row=2)
              if row[2].value == note]  # fmt: skip
    assert cell.data_type == "s" and cell.quotePrefix


async def test_names_in_the_export_read_as_typed_not_as_html(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    await add_user(schema, 3001, Role.COORDINATOR, None, name="Budi & Sari <Dinsos>")
    [colleague] = await fetch(schema, User, telegram_id=3001)
    note = CaseEvent(case_id=cases["open"], actor_id=colleague.id, kind="note", at=day(2026))
    await add_rows(schema, note)
    await admin.send(f"/subjek {NIK}")
    sent = await admin.tap(said("button-subject-export"))
    document = sent.last["document"]
    book = load_workbook(io.BytesIO(harness.telegram.state.files[document["file_id"]].data))
    events = [row[1] for row in book[said("subject-sheet-events")].iter_rows(values_only=True)]
    assert any("Budi & Sari <Dinsos>" in str(event) for event in events)
    assert not any("&amp;" in str(event) for event in events)


async def test_erasure_after_confirmation_anonymises_the_persons_cases_only(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    await admin.send(f"/subjek {NIK}")
    question = await admin.tap(said("button-subject-erase"))
    assert question.text == said("subject-erase-confirm", cases=2, open=1)
    confirm_message = question.last
    erased_now = await admin.tap(said("button-subject-erase-yes"))
    assert erased_now.text == said("subject-erased", count=2)

    for key in ("closed", "open"):
        [case] = await fetch(schema, Case, id=cases[key])
        assert (case.beneficiary_name, case.nik_index, case.address) == ("-", None, "-")
        assert case.photos == [] and case.next_nudge_at is None
    [other] = await fetch(schema, Case, id=cases["other"])
    assert other.beneficiary_name == "Siti Rahma" and other.nik_index is not None
    erased = await fetch(schema, AuditEntry, action="case.anonymise")
    assert sorted(e.case_id for e in erased) == [cases["closed"], cases["open"]]
    assert {e.detail["reason"] for e in erased} == {"erasure"}
    [request] = await fetch(schema, SubjectRequest)
    assert request.erased_at is not None

    await admin.tap_data(f"sj:y:{request.id}", confirm_message)
    assert len(await fetch(schema, AuditEntry, action="subject.erase")) == 1
    assert (await admin.send(f"/subjek {NIK}")).says("subject-none")


async def test_keeping_the_data_erases_nothing(
    admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    await admin.send(f"/subjek {NIK}")
    await admin.tap(said("button-subject-erase"))
    assert (await admin.tap(said("button-subject-erase-no"))).text == said("subject-kept")
    assert all(c.anonymised_at is None for c in await fetch(schema, Case))


async def test_only_admins_answer_subject_requests_even_with_a_forged_button(
    harness: BotHarness, admin: Chat, schema: str, cases: dict[str, int]
) -> None:
    coordinator = harness.user(COORDINATOR)
    assert (await coordinator.send(f"/subjek {NIK}")).text == said("subject-refused")
    await admin.send(f"/subjek {NIK}")
    [request] = await fetch(schema, SubjectRequest)
    help_message = (await coordinator.send("/bantuan")).last
    for step in ("x", "e", "y"):
        await coordinator.tap_data(f"sj:{step}:{request.id}", help_message)
    answers = [
        r.params.get("text", "")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery"
    ]
    assert answers == [said("subject-refused")] * 3
    assert all(c.anonymised_at is None for c in await fetch(schema, Case))
    assert [a.actor_id for a in await fetch(schema, AuditEntry, action="subject.lookup")] == [
        request.requested_by_id
    ]


async def test_a_wrong_nik_or_no_person_gets_a_friendly_explanation(admin: Chat) -> None:
    assert (await admin.send("/subjek")).text == said("subject-usage")
    assert (await admin.send("/subjek 3671013213500001")).text == said("nik-invalid-date")
    assert (await admin.send("/subjek Mak Onah")).text == said("subject-usage")


@pytest.mark.process
async def test_psm_bot_person_lists_exports_and_erases(tmp_path: Path, database_url: str) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    from bot.privacy.crypto import load_cipher

    cipher = load_cipher(None, tmp_path / "data")
    await add_psm_and_coordinator(database_url, PSM, COORDINATOR)
    case_id = await lived_case(
        database_url, cipher, PSM, COORDINATOR, "TNG-2026-00001", reported=day(2026), closed=None
    )
    export = tmp_path / "mak-onah.xlsx"
    listed = await run_cli(
        tmp_path, "person", "--nik", NIK, "--export", str(export), DATABASE_URL=database_url
    )
    assert listed.code == 0, listed.stderr
    assert "1 case(s) about this person" in listed.stdout and "TNG-2026-00001" in listed.stdout
    assert NIK not in listed.stdout
    assert load_workbook(export).sheetnames == SHEETS

    refused = await run_cli(tmp_path, "person", "--nik", NIK, "--erase", DATABASE_URL=database_url)
    assert refused.code == 1 and "nothing was erased" in refused.stdout
    erased = await run_cli(
        tmp_path, "person", "--name", "Mak Onah", "--born", "12-03-1950", "--erase", "--yes",
        DATABASE_URL=database_url,
    )  # fmt: skip
    assert erased.code == 0 and "anonymised 1 case(s)" in erased.stdout
    [case] = await fetch(database_url, Case, id=case_id)
    assert case.beneficiary_name == "-"
    actions = [a.action for a in await fetch(database_url, AuditEntry)]
    assert actions.count("subject.lookup") == 3 and "subject.export" in actions
    assert "subject.erase" in actions
