"""Upgrading a running deployment keeps what users had in progress."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage.conversations import ChatPreference, ConversationDraft
from storage.db import create_engine
from storage.delivery import OutboxMessage
from storage.migrate import alembic_config, newest_revision
from tests.factories import fetch


async def _run(database_url: str, revision: str, down: bool = False) -> None:
    action = command.downgrade if down else command.upgrade
    await asyncio.to_thread(action, alembic_config(database_url), revision)


async def test_a_report_in_progress_and_a_chosen_language_survive_the_upgrade(
    database_url: str,
) -> None:
    await _run(database_url, "0001")
    draft = {"id": "d-1", "step": 2, "name": "Mak Onah", "reminded": True, "photos": []}
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO ptb_user_data (user_id, data) VALUES (:user, :data)"),
            {"user": 1001, "data": json.dumps({"draft": draft, "locale": "en"})},
        )
        await connection.execute(
            text("INSERT INTO ptb_conversations (name, key, state) VALUES (:n, :k, :s)"),
            {"n": "report", "k": "[1001, 1001]", "s": 3},
        )
    await engine.dispose()

    await _run(database_url, "head")
    [row] = await fetch(database_url, ConversationDraft)
    assert (row.telegram_id, row.chat_id, row.conversation, row.step) == (1001, 1001, "report", 3)
    assert row.data == {"id": "d-1", "name": "Mak Onah", "photos": []}
    assert row.reminded_at is not None, "a draft already reminded is not reminded again"
    [preference] = await fetch(database_url, ChatPreference)
    assert (preference.telegram_id, preference.locale) == (1001, "en")


async def test_every_migration_can_be_undone_and_done_again(database_url: str) -> None:
    await _run(database_url, "head")
    await _run(database_url, "base", down=True)
    await _run(database_url, "head")
    assert await fetch(database_url, OutboxMessage) == []


async def test_a_database_url_with_a_percent_sign_migrates(tmp_path: Path) -> None:
    """An encoded password or `?host=%2Frun%2Fpostgresql` has one; Alembic's ini parser chokes."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'psm%2Fbot.db'}"
    await _run(url, "head")
    assert await fetch(url, OutboxMessage) == []


def test_the_newest_migration_file_names_alembics_head() -> None:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert newest_revision() == head
