"""`psm-bot rotate-key`: the operator's side of a key rotation (bot/privacy/keys.py).

A running bot keeps the keys it started with, so it could neither read what is re-encrypted
under the new key nor stop writing under the old one: the rotation runs only while no bot
does. On PostgreSQL it holds the bot's active lock meanwhile, so a standby cannot start
either; on SQLite it asks /healthz whether a bot answers.
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.privacy.keys import NeedsNewKey, finish_rotation, reencrypt, start_rotation
from bot.runtime.clock import Clock
from bot.runtime.context import cipher_of
from bot.runtime.settings import Settings
from bot.runtime.standby import lock_key
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade


class BotRunning(Exception):
    """A bot is running on this database."""


def rotate_key(settings: Settings) -> int:
    """Re-encrypt every NIK under a new key; run it again after an interruption."""
    upgrade(settings.db_url, cipher_of(settings).index_of_token)
    try:
        if make_url(settings.db_url).get_backend_name() != "postgresql" and _bot_answers(settings):
            raise BotRunning()
        return asyncio.run(_rotate(settings))
    except BotRunning:
        print("error: the bot is running; stop it (and any standby), then run rotate-key again")
        return 1
    except NeedsNewKey as needed:
        print(
            "DATA_KEY holds one key. Put a new key in front of it, separated by a comma, e.g.\n"
            f"  DATA_KEY={needed.suggestion.decode()},<your current key>\n"
            "then run psm-bot rotate-key again (nothing has changed yet)."
        )
        return 2


async def _rotate(settings: Settings) -> int:
    data_key = settings.data_key.get_secret_value() if settings.data_key else None
    engine = create_engine(settings.db_url)
    try:
        async with _no_bot_running(engine, settings):
            cipher = start_rotation(data_key, settings.data_dir)
            sessions = create_sessions(engine)
            done = await reencrypt(sessions, cipher)
            now = Clock().now()
            retired = await finish_rotation(
                sessions, cipher, data_key, settings.data_dir, done, now
            )
    finally:
        await engine.dispose()
    print(f"re-encrypted {done.cases} case NIK(s) and {done.drafts} draft(s) under the new key")
    if retired is not None:
        print(
            f"the old key is now in {retired}: backups made before today need it; "
            "destroy it once they are gone, or at once if it leaked"
        )
    elif data_key:
        print("done: remove the old key(s) from DATA_KEY, keeping only the first")
    return 0


@asynccontextmanager
async def _no_bot_running(engine: AsyncEngine, settings: Settings) -> AsyncIterator[None]:
    """On PostgreSQL, hold the active lock a running bot or standby would hold."""
    token = settings.bot_token.get_secret_value().strip() if settings.bot_token else ""
    if engine.dialect.name != "postgresql":
        yield
        return
    async with engine.connect() as connection:
        key = {"key": lock_key(token)}
        if not await connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), key):
            raise BotRunning()
        try:
            yield
        finally:
            await connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)


def _bot_answers(settings: Settings) -> bool:
    """Whether a bot answers on this machine's /healthz (any answer: 503 is a bot too)."""
    if not settings.health_port:
        return False
    host = (
        "127.0.0.1" if settings.health_listen in {"", "0.0.0.0", "::"} else settings.health_listen
    )
    try:
        with urllib.request.urlopen(f"http://{host}:{settings.health_port}/healthz", timeout=3):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False
