"""The monthly report: on the 1st at 08:00 (TIMEZONE) last month's figures and charts go to
every coordinator (their kecamatan) and admin (the city), through the outbox.

The schedule is a row: `insight_monthly_reports` gets the month in the same transaction that
queues the outbox rows and their chart files. A tick that finds the row does nothing, so a
restart never repeats the report; a tick that finds none from 08:00 on queues it, so a bot that
was down at 08:00 does not skip it (up to LATE_LIMIT later).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.delivery import Payload, discard_media, enqueue, store_media
from bot.insight.charts import render_all
from bot.insight.figures import figures
from bot.insight.labels import Labels
from bot.insight.periods import Period, month_of
from bot.insight.scope import Scope, area_choices, resolve_scope
from bot.insight.stats import Stats, collect
from bot.insight.summary import summary
from bot.runtime.context import BotApp, BotContext, Services
from bot.runtime.quiet_hours import after_quiet_hours
from bot.runtime.settings import Settings
from storage.delivery import Lane
from storage.insight import MonthlyReport
from storage.people import Role, User, UserStatus

_log = logging.getLogger(__name__)
KIND = "monthly_report"
JOB_NAME = "monthly_report"
TICK_SECONDS = 60
SEND_AT = time(8, 0)
LATE_LIMIT = timedelta(days=3)


def due_month(settings: Settings, now: datetime) -> Period | None:
    """Last month, from 08:00 on the 1st until LATE_LIMIT after; otherwise nothing is due."""
    local = now.astimezone(settings.tz)
    due = datetime.combine(local.date().replace(day=1), SEND_AT, settings.tz)
    if due <= local < due + LATE_LIMIT:
        return month_of(due.date() - timedelta(days=1))
    return None


def report_id(month: Period) -> int:
    """YYYYMM: the report's key and its outbox campaign id."""
    return month.first.year * 100 + month.first.month


@dataclass
class Recipients:
    """Users who receive the same report: one scope, one language."""

    scope: Scope
    locale: str
    users: list[User] = field(default_factory=list)


async def _recipients(services: Services) -> list[Recipients]:
    async with services.sessions() as session:
        users = await session.scalars(
            select(User)
            .where(User.status == UserStatus.ACTIVE, User.role.in_([Role.ADMIN, Role.COORDINATOR]))
            .order_by(User.id)
        )
        groups: dict[tuple[Scope, str], Recipients] = {}
        for user in users:
            # What they would see first in /rekap: the city for an admin, their areas otherwise.
            choices = area_choices(user, services.regions)
            if not choices:
                continue
            scope = resolve_scope(user, choices[0], services.regions)
            locale = user.locale or services.settings.default_locale
            groups.setdefault((scope, locale), Recipients(scope, locale)).users.append(user)
    return list(groups.values())


async def _figures_of(services: Services, scope: Scope, month: Period, now: datetime) -> Stats:
    async with services.sessions() as session:
        return await collect(session, scope, month, services.settings, services.categories, now)


async def queue_report(services: Services, month: Period) -> int:
    """Render and queue the month's report unless it was queued before; returns recipients."""
    now, campaign = services.clock.now(), report_id(month)
    async with services.sessions() as session:
        if await session.get(MonthlyReport, campaign) is not None:
            return 0
    # Figures and charts before the write transaction, which then only inserts rows.
    stats: dict[Scope, Stats] = {}
    prepared = []
    for group in await _recipients(services):
        if group.scope not in stats:
            stats[group.scope] = await _figures_of(services, group.scope, month, now)
        labels = Labels(
            services.texts, group.locale, services.regions, services.categories, services.sectors
        )
        charts = await render_all(figures(stats[group.scope], labels))
        prepared.append((group, summary(stats[group.scope], labels), charts))
    queued = 0
    async with services.sessions.begin() as session:
        session.add(MonthlyReport(id=campaign, month=month.first, queued_at=now, recipients=0))
        await session.flush()  # a second writer stops here, on the primary key
        for group, text, charts in prepared:
            files = [(chart.filename, chart.png) for chart in charts]
            media = await store_media(session, KIND, campaign, files)
            queued += await enqueue(
                session,
                kind=KIND,
                campaign_id=campaign,
                recipients=group.users,
                payload=Payload(text, media=media or None),
                not_before=after_quiet_hours(services.settings, now),
                lane=Lane.PERSONAL,
            )
        report = await session.get(MonthlyReport, campaign)
        assert report is not None
        report.recipients = queued
    return queued


async def tick(context: BotContext) -> None:
    """Queue last month's report once, from 08:00 on the 1st; a setting turns it off."""
    services = context.services
    month = due_month(services.settings, services.clock.now())
    if not services.settings.monthly_report or month is None:
        return
    try:
        queued = await queue_report(services, month)
    except IntegrityError:
        return  # queued by another transaction meanwhile
    if queued:
        _log.info("monthly report %s queued for %s recipients", report_id(month), queued)


async def forget_files(context: BotContext, campaign_id: int) -> None:
    """Completion hook: a sent report's chart images are not kept."""
    async with context.services.sessions.begin() as session:
        await discard_media(session, KIND, campaign_id)


def schedule(application: BotApp) -> None:
    """Tick every minute; a minute late on the 1st is on time."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        tick,
        interval=TICK_SECONDS,
        first=TICK_SECONDS,
        name=JOB_NAME,
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
