"""Coordinators approve or reject PSM who registered without being on the roster."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.people import get_user, refresh_menu
from bot.people.approval import DecisionRefused, decide
from bot.people.notices import Decision, Verdict, tell_applicant
from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add


async def decide_registration(update: Update, context: BotContext) -> None:
    """Apply a reviewer's decision and queue the applicant's answer in the same transaction."""
    query = update.callback_query
    button = Decision.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    approve, services = button.verdict is Verdict.APPROVE, context.services
    try:
        async with services.sessions.begin() as session:
            now = services.clock.now()
            applicant = await decide(
                session, update.effective_user.id, button.applicant_id, approve, now
            )
            reviewer = await get_user(session, update.effective_user.id)
            await tell_applicant(session, services, applicant, now)
    except DecisionRefused as refused:
        await query.answer(context.t(f"approval-refused-{refused.reason}"), show_alert=True)
        return
    await query.answer()
    await refresh_menu(context, user_id=applicant.id)
    assert reviewer is not None
    outcome = "approval-done-approved" if approve else "approval-done-rejected"
    await query.edit_message_text(
        context.t(outcome, name=applicant.full_name, reviewer=reviewer.full_name)
    )


def register(application: BotApp) -> None:
    add(
        application,
        Group.COMMANDS,
        [CallbackQueryHandler(decide_registration, pattern=Decision.pattern())],
    )
