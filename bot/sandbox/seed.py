"""The sandbox's own SQLite database: migrated like production, seeded with the demo roster."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select

from bot.people import activate_from_roster, save_roster
from bot.runtime.clock import Clock
from bot.runtime.context import cipher_of
from bot.runtime.settings import Settings
from bot.sandbox.personas import COORDINATOR, DEMO_ROSTER
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade
from storage.people import RosterEntry


async def prepare_database(settings: Settings) -> None:
    """Migrate, and on a new database write the roster and the coordinator's registration.

    The coordinator is registered already so that the first report has someone to alert;
    the roster PSM is not, so that registering by the share-number button is part of the demo.
    """
    # Alembic runs its own event loop, which cannot nest in the sandbox's.
    await asyncio.to_thread(upgrade, settings.db_url, cipher_of(settings).index_of_token)
    engine = create_engine(settings.db_url)
    try:
        async with create_sessions(engine).begin() as session:
            if await session.scalar(select(RosterEntry.id).limit(1)) is not None:
                return
            now = Clock().now()
            await save_roster(session, DEMO_ROSTER, now)
            await activate_from_roster(
                session,
                COORDINATOR.telegram_id,
                COORDINATOR.roster_phone,
                settings.default_locale,
                now,
            )
    finally:
        await engine.dispose()


def remove_database(path: Path) -> None:
    """Delete the SQLite file with its WAL companions, so the next start begins anew."""
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        companion.unlink(missing_ok=True)
