"""The follow-up tick: due nudges, escalations, referral reminders, idle-draft reminders.

The schedule is rows (cases.next_nudge_at, referrals.next_nudge_at, conversation_drafts); the
job only ticks. Each item is rescheduled, recorded on the timeline and queued in the outbox in
one transaction, so a restart neither repeats nor loses one, and a failed send is retried by
the outbox rather than lost.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.cases.messages import CaseMessages
from bot.cases.nudges import NUDGES_BEFORE_ESCALATION, follow_up_interval
from bot.delivery import enqueue, enqueue_localized
from bot.people import reviewers_for
from bot.privacy.audit import Audit, audit
from bot.runtime.context import BotApp, BotContext, Services
from bot.runtime.quiet_hours import in_quiet_hours
from bot.runtime.settings import Settings
from storage.cases import Case, CaseEvent, Referral
from storage.conversations import ConversationDraft
from storage.delivery import Lane
from storage.people import UNREACHABLE, User, UserStatus

BATCH = 200
# The /lapor conversation's name, as its rows are stored (handlers/cases/report).
REPORT_CONVERSATION = "report"
NUDGE, ESCALATION = "case_nudge", "case_escalation"
REFERRAL_REMINDER, DRAFT_REMINDER = "referral_reminder", "draft_reminder"


async def follow_up_tick(context: BotContext) -> None:
    """Queue whatever follow-up is due, holding it all during quiet hours."""
    services = context.services
    now = services.clock.now()
    if in_quiet_hours(services.settings, now):
        return
    messages = CaseMessages(services)
    for case_id in await _due(services, Case.next_nudge_at, now):
        async with services.sessions.begin() as session:
            await nudge_case(session, messages, case_id, now)
    for referral_id in await _due(services, Referral.next_nudge_at, now):
        async with services.sessions.begin() as session:
            await remind_referral(session, messages, referral_id, now)
    async with services.sessions.begin() as session:
        await remind_idle_drafts(session, messages, now)


async def _due(
    services: Services, due_at: InstrumentedAttribute[datetime | None], now: datetime
) -> list[int]:
    """Ids of the rows whose `due_at` has passed: one range scan of that column's index."""
    model = due_at.class_
    async with services.sessions() as session:
        query = select(model.id).where(due_at <= now).order_by(due_at).limit(BATCH)
        return list(await session.scalars(query))


async def nudge_case(
    session: AsyncSession, messages: CaseMessages, case_id: int, now: datetime
) -> None:
    """Ask the reporter about a quiet case; after repeated silence, tell its coordinators."""
    case = await session.get(Case, case_id, with_for_update=True)
    if case is None or case.next_nudge_at is None or case.next_nudge_at > now:
        return
    escalate = case.nudges_unanswered >= NUDGES_BEFORE_ESCALATION
    case.nudges_unanswered += 1
    # After escalation the coordinator owns the silence; new activity restarts the clock.
    settings = messages.services.settings
    case.next_nudge_at = None if escalate else now + follow_up_interval(settings, case.urgency)
    kind = "escalated" if escalate else "nudged"
    event = CaseEvent(case_id=case.id, actor_id=None, kind=kind, at=now)
    session.add(event)
    audit(session, Audit.of_case(kind), at=now, case_id=case.id)
    await session.flush()
    reporter = await session.get(User, case.reporter_id)
    # A reporter who left (or blocked the bot) cannot answer: their coordinator is asked instead.
    departed = reporter is None or reporter.status in UNREACHABLE
    if escalate or departed:
        await enqueue_localized(
            session,
            kind=ESCALATION,
            campaign_id=event.id,
            recipients=await reviewers_for(session, case.kecamatan_code),
            build=lambda locale: messages.escalation(
                locale, case, reporter, NUDGES_BEFORE_ESCALATION, departed=departed
            ),
            default_locale=settings.default_locale,
            not_before=now,
            lane=Lane.PERSONAL,
        )
    elif reporter is not None:
        await enqueue(
            session,
            kind=NUDGE,
            campaign_id=event.id,
            recipients=[reporter],
            payload=messages.nudge(messages.locale_of(reporter), case),
            not_before=now,
            lane=Lane.PERSONAL,
        )


async def remind_referral(
    session: AsyncSession, messages: CaseMessages, referral_id: int, now: datetime
) -> None:
    """Remind the referring coordinator of a referral still without an outcome."""
    referral = await session.get(Referral, referral_id, with_for_update=True)
    if referral is None or referral.next_nudge_at is None or referral.next_nudge_at > now:
        return
    referral.next_nudge_at = now + timedelta(days=messages.services.settings.referral_nudge_days)
    case = await session.get(Case, referral.case_id)
    coordinator = await session.get(User, referral.referred_by_id)
    if case is None or coordinator is None:
        return
    event = CaseEvent(
        case_id=case.id,
        actor_id=None,
        kind="referral_reminded",
        data={"sector": referral.sector},
        at=now,
    )
    session.add(event)
    await session.flush()
    days = (now - referral.referred_at).days
    await enqueue(
        session,
        kind=REFERRAL_REMINDER,
        campaign_id=event.id,
        recipients=[coordinator],
        payload=messages.referral_reminder(
            messages.locale_of(coordinator), case, referral.sector, days
        ),
        not_before=now,
        lane=Lane.PERSONAL,
    )


async def remind_idle_drafts(session: AsyncSession, messages: CaseMessages, now: datetime) -> None:
    """One reminder per report draft left idle for DRAFT_REMINDER_HOURS."""
    idle = timedelta(hours=messages.services.settings.draft_reminder_hours)
    rows = await session.execute(
        select(ConversationDraft, User)
        .join(User, User.telegram_id == ConversationDraft.telegram_id)
        .where(
            ConversationDraft.conversation == REPORT_CONVERSATION,
            ConversationDraft.reminded_at.is_(None),
            ConversationDraft.updated_at <= now - idle,
            User.status == UserStatus.ACTIVE,
        )
        .limit(BATCH)
        .with_for_update(skip_locked=True, of=ConversationDraft)
    )
    for draft, user in rows:
        draft.reminded_at = now
        await enqueue(
            session,
            kind=DRAFT_REMINDER,
            campaign_id=draft.id,
            recipients=[user],
            payload=messages.draft_reminder(messages.locale_of(user)),
            not_before=now,
            lane=Lane.PERSONAL,
        )


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
