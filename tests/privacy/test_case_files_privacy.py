"""Voice notes and documents are personal data: exported on request, removed with the case."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import make_url

from bot.privacy.crypto import Cipher, load_cipher
from storage.attachments import CaseAttachment
from storage.delivery import OutboxMessage
from tests.cli import run_cli
from tests.conftest import ADMIN_ID
from tests.factories import add_psm_and_coordinator, add_rows, fetch
from tests.harness import BotHarness
from tests.privacy.history import day, lived_case
from tests.privacy.reports import NIK, cipher_of
from tests.texts import said

PSM, COORDINATOR = 1001, 2001
VOICE = b"OggS Mak Onah's neighbour"
PDF = b"%PDF-1.4 surat RT"
NUMBER = "TNG-2019-00001"


async def case_with_files(url: str, cipher: Cipher, number: str, closed: bool) -> int:
    """A case about Mak Onah told by voice, with a PDF, and the voice's row still unsent."""
    await add_psm_and_coordinator(url, PSM, COORDINATOR)
    case_id = await lived_case(
        url,
        cipher,
        PSM,
        COORDINATOR,
        number,
        reported=day(2019),
        closed=day(2020) if closed else None,
    )
    voice = CaseAttachment(
        case_id=case_id, kind="voice", file_id="AwACvoice", file_unique_id="AQADv",
        mime_type="audio/ogg", size=len(VOICE), duration=42, data=VOICE, added_at=day(2019),
    )  # fmt: skip
    pdf = CaseAttachment(
        case_id=case_id, kind="document", file_id="BQACpdf", file_unique_id="AQADp",
        file_name="surat.pdf", mime_type="application/pdf", size=len(PDF), data=PDF,
        added_at=day(2019),
    )  # fmt: skip
    await add_rows(url, voice, pdf)
    [voice] = await fetch(url, CaseAttachment, kind="voice")
    await add_rows(
        url,
        OutboxMessage(
            kind="case_file", campaign_id=voice.id, user_id=2, chat_id=COORDINATOR,
            payload={"text": "🎤 " + number, "voice": "AwACvoice"}, not_before=day(2019),
        ),
    )  # fmt: skip
    return case_id


async def test_retention_removes_a_closed_cases_voice_notes_documents_and_their_unsent_rows(
    harness: BotHarness, schema: str
) -> None:
    await case_with_files(schema, cipher_of(harness), "TNG-2019-00001", closed=True)
    await harness.run_job("retention")
    assert await fetch(schema, CaseAttachment) == []
    [row] = await fetch(schema, OutboxMessage, kind="case_file")
    assert row.status == "cancelled" and "AwACvoice" not in str(row.payload)


async def test_the_subject_export_lists_the_voice_note_and_the_document(
    harness: BotHarness, schema: str
) -> None:
    await case_with_files(schema, cipher_of(harness), "TNG-2019-00001", closed=False)
    admin = harness.user(ADMIN_ID)
    await admin.send(f"/subjek {NIK}")
    sent = await admin.tap(said("button-subject-export"))
    data = harness.telegram.state.files[sent.last["document"]["file_id"]].data
    sheet = load_workbook(io.BytesIO(data))[said("subject-sheet-files")]
    rows = list(sheet.iter_rows(values_only=True, min_row=2))
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("TNG-2019-00001", said("file-kind-voice"), "0:42", len(VOICE)),
        ("TNG-2019-00001", said("file-kind-document"), None, len(PDF)),
    ]


@pytest.mark.process
async def test_psm_bot_person_export_writes_the_copies_beside_the_spreadsheet(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    cipher = load_cipher(None, tmp_path / "data")
    case_id = await case_with_files(database_url, cipher, "TNG-2019-00001", closed=False)
    export = tmp_path / "mak-onah.xlsx"
    done = await run_cli(
        tmp_path, "person", "--nik", NIK, "--export", str(export), DATABASE_URL=database_url
    )
    assert done.code == 0, done.stderr
    folder = tmp_path / "mak-onah-files"
    assert f"wrote 2 voice note(s) and document(s) to {folder}" in done.stdout
    [voice] = await fetch(database_url, CaseAttachment, case_id=case_id, kind="voice")
    [pdf] = await fetch(database_url, CaseAttachment, case_id=case_id, kind="document")
    assert (folder / f"TNG-2019-00001-voice-{voice.id}.ogg").read_bytes() == VOICE
    assert (folder / f"TNG-2019-00001-document-{pdf.id}.pdf").read_bytes() == PDF


@pytest.mark.process
async def test_a_backup_holds_the_copies_of_voice_notes_and_documents(
    tmp_path: Path, database_url: str
) -> None:
    assert (await run_cli(tmp_path, "migrate", DATABASE_URL=database_url)).code == 0
    await case_with_files(database_url, load_cipher(None, tmp_path / "data"), NUMBER, False)
    made = await run_cli(
        tmp_path, "backup", "--to", str(tmp_path / "copies"), DATABASE_URL=database_url
    )
    assert made.code == 0, made.stdout + made.stderr
    [folder] = (tmp_path / "copies").iterdir()
    assert json.loads((folder / "manifest.json").read_text())["counts"]["case_attachments"] == 2
    if make_url(database_url).get_backend_name() == "postgresql":
        return  # the restore drill reads a dump back (tests/operations/test_restore_drill.py)
    copy = sqlite3.connect(folder / "psm-bot.db")
    kept = sorted(row[0] for row in copy.execute("SELECT data FROM case_attachments"))
    copy.close()
    assert kept == sorted([VOICE, PDF])
