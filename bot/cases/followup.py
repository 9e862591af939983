"""The follow-up tick: due nudges, escalations, referral reminders, idle-draft reminders.

The schedule is rows (cases.next_nudge_at, referrals.next_nudge_at) and the drafts' own
timestamps; the job only ticks. Each item is claimed and rescheduled in its own transaction
before its message goes out, so a restart neither repeats nor loses one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.cases.nudges import NUDGES_BEFORE_ESCALATION, follow_up_interval, in_quiet_hours
from bot.people.directory import reviewers_for
from bot.runtime.context import REPORT_DRAFT, BotApp, BotContext
from bot.runtime.settings import Settings
from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent, Referral
from storage.people import User

_log = logging.getLogger(__name__)
BATCH = 200


async def follow_up_tick(context: BotContext) -> None:
    """Send whatever follow-up is due, holding it all during quiet hours."""
    now = context.services.clock.now()
    if in_quiet_hours(context.services.settings, now):
        return
    await _nudge_cases(context, now)
    await _nudge_referrals(context, now)
    await _remind_drafts(context, now)


async def _send(
    context: BotContext, user: User, key: str, buttons: list[tuple[str, str]], **args: object
) -> None:
    texts, locale = context.services.texts, user.locale or context.services.settings.default_locale
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(texts.get(locale, label), callback_data=data)]
            for label, data in buttons
        ]
    )
    try:
        await context.bot.send_message(
            user.telegram_id, texts.get(locale, key, **args), reply_markup=markup
        )
    except TelegramError:
        _log.warning("could not send %s to user %s", key, user.id)


async def _due(
    context: BotContext, due_at: InstrumentedAttribute[datetime | None], now: datetime
) -> list[int]:
    """Ids of the rows whose `due_at` has passed: one range scan of that column's index."""
    model = due_at.class_
    async with context.services.sessions() as session:
        query = select(model.id).where(due_at <= now).order_by(due_at).limit(BATCH)
        return list(await session.scalars(query))


async def _nudge_cases(context: BotContext, now: datetime) -> None:
    sessions, settings = context.services.sessions, context.services.settings
    for case_id in await _due(context, Case.next_nudge_at, now):
        async with sessions.begin() as session:
            case = await session.get(Case, case_id, with_for_update=True)
            if case is None or case.next_nudge_at is None or case.next_nudge_at > now:
                continue
            escalate = case.nudges_unanswered >= NUDGES_BEFORE_ESCALATION
            case.nudges_unanswered += 1
            # After escalation the coordinator owns the silence; new activity restarts the clock.
            case.next_nudge_at = (
                None if escalate else now + follow_up_interval(settings, case.urgency)
            )
            kind = "escalated" if escalate else "nudged"
            session.add(CaseEvent(case_id=case.id, actor_id=None, kind=kind, at=now))
            session.add(AuditEntry(action=f"case.{kind}", case_id=case.id, at=now))
            reporter = await session.get(User, case.reporter_id)
            recipients = (
                await reviewers_for(session, case.kecamatan_code) if escalate else [reporter]
            )
        buttons = [("button-open-case", f"k:o:{case.id}")]
        if not escalate:
            buttons = [
                ("nudge-progress", f"n:p:{case.id}"),
                ("nudge-ongoing", f"n:s:{case.id}"),
                ("nudge-resolved", f"n:d:{case.id}"),
            ]
        for user in recipients:
            if user is not None:
                await _send(
                    context,
                    user,
                    f"{kind}-message",
                    buttons,
                    number=case.number,
                    name=case.beneficiary_name,
                    reporter=reporter.full_name if reporter else "-",
                    count=NUDGES_BEFORE_ESCALATION,
                )


async def _nudge_referrals(context: BotContext, now: datetime) -> None:
    sessions, settings = context.services.sessions, context.services.settings
    for referral_id in await _due(context, Referral.next_nudge_at, now):
        async with sessions.begin() as session:
            referral = await session.get(Referral, referral_id, with_for_update=True)
            if referral is None or referral.next_nudge_at is None or referral.next_nudge_at > now:
                continue
            referral.next_nudge_at = now + timedelta(days=settings.referral_nudge_days)
            coordinator = await session.get(User, referral.referred_by_id)
            case = await session.get(Case, referral.case_id)
        if coordinator is not None and case is not None:
            sector = context.services.sectors.name(
                referral.sector, coordinator.locale or settings.default_locale
            )
            days = (now - referral.referred_at).days
            await _send(
                context,
                coordinator,
                "referral-reminder",
                [("button-open-case", f"k:o:{case.id}")],
                number=case.number,
                sector=sector,
                days=days,
            )


async def _remind_drafts(context: BotContext, now: datetime) -> None:
    """One reminder per report draft left idle; drafts live in persisted user data."""
    application = context.application
    idle = timedelta(hours=context.services.settings.draft_reminder_hours)
    for user_id, data in list(application.user_data.items()):
        draft = data.get(REPORT_DRAFT)
        if not isinstance(draft, dict) or draft.get("reminded"):
            continue
        if datetime.fromisoformat(draft["updated_at"]) + idle > now:
            continue
        draft["reminded"] = True
        application.mark_data_for_update_persistence(user_ids=user_id)
        locale = data.get("locale") or context.services.settings.default_locale
        try:
            await context.bot.send_message(
                user_id, context.services.texts.get(locale, "draft-reminder")
            )
        except TelegramError:
            _log.warning("could not remind user %s of their draft", user_id)


def schedule(application: BotApp, settings: Settings) -> None:
    """Tick every FOLLOWUP_TICK_SECONDS; never two ticks at once."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        follow_up_tick,
        interval=settings.followup_tick_seconds,
        first=settings.followup_tick_seconds,
        name="follow_up",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
