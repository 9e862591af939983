"""Coordinators approve or reject PSM who registered without being on the roster."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler

from bot.people.approval import DecisionRefused, decide
from bot.people.directory import get_user, reviewers_for
from bot.runtime.context import BotApp, BotContext
from handlers.keyboards import grid
from storage.people import User, UserStatus

_log = logging.getLogger(__name__)


async def ask_reviewers(context: BotContext, applicant: User) -> None:
    """Send the request with Approve / Reject buttons to whoever may decide it."""
    services = context.services
    async with services.sessions() as session:
        reviewers = await reviewers_for(session, applicant.kecamatan_code)
    for reviewer in reviewers:
        locale = reviewer.locale or services.settings.default_locale
        text = services.texts.get(
            locale,
            "approval-request",
            name=applicant.full_name,
            phone=applicant.phone or "-",
            kelurahan=services.regions.name_of(applicant.kelurahan_code),
            kecamatan=services.regions.name_of(applicant.kecamatan_code),
        )
        buttons = grid(
            [
                (services.texts.get(locale, "button-approve"), f"reg:ok:{applicant.id}"),
                (services.texts.get(locale, "button-reject"), f"reg:no:{applicant.id}"),
            ],
            columns=2,
        )
        try:
            await context.bot.send_message(reviewer.telegram_id, text, reply_markup=buttons)
        except TelegramError:
            _log.exception("could not send the registration of %s to %s", applicant.id, reviewer.id)


async def decide_registration(update: Update, context: BotContext) -> None:
    """Apply a reviewer's decision and tell the applicant."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    _, verdict, applicant_id = query.data.split(":")
    approve = verdict == "ok"
    try:
        async with context.services.sessions.begin() as session:
            applicant = await decide(
                session,
                update.effective_user.id,
                int(applicant_id),
                approve,
                context.services.clock.now(),
            )
            reviewer = await get_user(session, update.effective_user.id)
    except DecisionRefused as refused:
        await query.answer(context.t(f"approval-refused-{refused.reason}"), show_alert=True)
        return
    await query.answer()
    assert reviewer is not None and query.message is not None
    outcome = "approval-done-approved" if approve else "approval-done-rejected"
    await query.edit_message_text(
        context.t(outcome, name=applicant.full_name, reviewer=reviewer.full_name)
    )
    await _tell_applicant(context, applicant)


async def _tell_applicant(context: BotContext, applicant: User) -> None:
    locale = applicant.locale or context.services.settings.default_locale
    key = "signup-approved" if applicant.status == UserStatus.ACTIVE else "signup-rejected"
    try:
        await context.bot.send_message(
            applicant.telegram_id, context.services.texts.get(locale, key)
        )
    except TelegramError:
        # The decision stands; the applicant sees it on their next /start.
        _log.warning("could not tell applicant %s the outcome", applicant.id)


def register(application: BotApp) -> None:
    application.add_handler(CallbackQueryHandler(decide_registration, pattern=r"^reg:(ok|no):\d+$"))
