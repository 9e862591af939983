"""The monthly retention tick: the rows are the schedule, the job only looks at them."""

from __future__ import annotations

import logging
from datetime import time

from bot.records.retention import apply
from bot.runtime.context import BotApp, BotContext
from bot.runtime.settings import Settings

_log = logging.getLogger(__name__)
JOB_NAME = "retention"


async def retention_tick(context: BotContext) -> None:
    """Anonymise whatever RETENTION_YEARS has made due since the last run."""
    services = context.services
    done = await apply(services.sessions, services.clock.now(), services.settings.retention_years)
    _log.info(
        "retention: %d case(s), %d account(s), %d message text(s), %d draft(s) removed",
        done.cases,
        done.users,
        done.messages,
        done.drafts,
    )


def schedule(application: BotApp, settings: Settings) -> None:
    """On the first of every month at 03:00 (TIMEZONE), when RETENTION_JOB is on.

    A month the bot was down at that moment is caught up the next month: due rows wait.
    """
    if not settings.retention_job:
        return
    assert application.job_queue is not None
    application.job_queue.run_monthly(
        retention_tick,
        when=time(3, 0, tzinfo=settings.tz),
        day=1,
        name=JOB_NAME,
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
