"""`psm-bot run` with a token: one active instance, then long polling or a webhook server."""

from __future__ import annotations

import asyncio

from bot.operations.health_server import HealthServer
from bot.operations.webhook import run_webhook
from bot.runtime.context import cipher_of
from bot.runtime.health import HealthState, Mode, Role
from bot.runtime.settings import Settings
from bot.runtime.standby import ActiveLock
from bot.runtime.startup import wait_for_telegram
from storage.migrate import upgrade


def run_bot(settings: Settings) -> int:
    """Stand by until no other instance is active, migrate, then serve until SIGINT/SIGTERM.

    State is flushed on the way out. Exits 1 if the active lock was lost, so that a supervisor
    restarting on failure brings this process back as a standby. Exits 2 without starting
    when a check of `psm-bot doctor` fails (it printed why).
    """
    from bot.app import ALLOWED_UPDATES, build_application
    from bot.operations.doctor import refuse_unless_ready

    token = settings.require_token()
    if not refuse_unless_ready(settings):
        return 2
    state = HealthState(mode=Mode.WEBHOOK if settings.webhook_url else Mode.POLLING)
    with HealthServer(settings, state), ActiveLock(settings.db_url, token) as lock:
        state.role = Role.ACTIVE
        upgrade(settings.db_url, cipher_of(settings).index_of_token)
        asyncio.run(wait_for_telegram(settings))
        application = build_application(settings, health=state)
        if settings.webhook_url:
            # Telegram posts to WEBHOOK_URL; a proxy forwards to this listener, same path.
            run_webhook(application, settings, ALLOWED_UPDATES)
        else:
            # Should Telegram drop again before polling starts, PTB retries with backoff too.
            application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    return 1 if lock.lost else 0
