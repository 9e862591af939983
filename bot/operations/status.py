"""`psm-bot status`: the running bot's /healthz, or the database alone when none answers."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request

from bot.operations.checks import Health, check
from bot.runtime.settings import Settings
from storage.db import create_engine, create_sessions

NOT_RUNNING = 3  # the LSB status code for "program is not running"
ASK_TIMEOUT = 10.0


def status(settings: Settings) -> int:
    """Print the health report; exit 0 healthy, 1 not healthy, 3 no bot answering."""
    health = _ask_running_bot(settings) if settings.health_port else None
    if health is None:
        where = f"{_host(settings.health_listen)}:{settings.health_port}"
        why = "HEALTH_PORT is 0" if not settings.health_port else f"nothing answered on {where}"
        print(f"no running bot to ask ({why}); checking the database from here")
        health = asyncio.run(_check_here(settings))
    for line in health.lines(settings.tz):
        print(line)
    if health.process is None:
        return NOT_RUNNING
    return 0 if health.healthy else 1


def _ask_running_bot(settings: Settings) -> Health | None:
    url = f"http://{_host(settings.health_listen)}:{settings.health_port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=ASK_TIMEOUT) as response:
            body = response.read()
    except urllib.error.HTTPError as error:  # 503 still carries the report
        body = error.read()
    except (urllib.error.URLError, OSError):
        return None
    try:
        return Health.from_json(json.loads(body))
    except (ValueError, KeyError, TypeError):
        return None  # something else listens on that port


async def _check_here(settings: Settings) -> Health:
    engine = create_engine(settings.db_url)
    try:
        return await check(create_sessions(engine), None)
    finally:
        await engine.dispose()


def _host(listen: str) -> str:
    """Where to reach a server listening on `listen` from this machine."""
    return "127.0.0.1" if listen in {"", "0.0.0.0", "::"} else listen
