"""Tell the coordinators of the case's kecamatan (or the admins) that a case came in."""

from __future__ import annotations

import logging

from telegram.error import Forbidden, TelegramError

from bot.cases.draft import Draft
from bot.people.directory import reviewers_for
from bot.runtime.context import BotContext
from handlers.cases.report.summary import summary_fields
from storage.audit import AuditEntry
from storage.cases import Case, Urgency
from storage.people import User

_log = logging.getLogger(__name__)


async def notify_reviewers(context: BotContext, case: Case, draft: Draft, reporter: User) -> None:
    """Send each reviewer the summary in their own language; Darurat cases are marked loudly."""
    services = context.services
    today = services.today()
    async with services.sessions.begin() as session:
        reviewers = await reviewers_for(session, case.kecamatan_code)
        session.add(
            AuditEntry(
                actor_id=reporter.id,
                action="case.notify",
                case_id=case.id,
                detail={"recipients": [r.id for r in reviewers]},
            )
        )
    for reviewer in reviewers:
        locale = reviewer.locale or services.settings.default_locale
        text = services.texts.get(
            locale,
            "case-new-darurat" if case.urgency == Urgency.DARURAT else "case-new",
            number=case.number,
            reporter=reporter.full_name,
            **summary_fields(services, locale, draft, today),
        )
        try:
            await context.bot.send_message(reviewer.telegram_id, text)
        except Forbidden:
            _log.warning("reviewer %s has blocked the bot", reviewer.id)
        except TelegramError:
            # The case is saved; one coordinator's failed message must not fail the report.
            _log.exception("could not notify reviewer %s of %s", reviewer.id, case.number)
