"""One-tap case actions: verify, handled, reopen, referral outcomes, answers to nudges."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest

from bot.cases.buttons import Nudge as NudgeButton
from bot.cases.buttons import (
    NudgeReply,
    OpenCase,
    Outcome,
    ReferralMenu,
    ReferralOutcome,
    TapAction,
)
from bot.cases.changes import ChangeRequest, decide_referral
from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition
from bot.cases.replies import is_card
from bot.cases.work import referral_for
from bot.runtime.context import BotContext
from handlers.cases.apply import apply, stale
from handlers.cases.view import refuse, show_case
from handlers.keyboards import grid


def _data(update: Update) -> str | None:
    assert update.callback_query is not None
    return update.callback_query.data


async def one_tap(update: Update, context: BotContext) -> None:
    """Apply a button's action to the case it names, if it is still the case it was."""
    button = TapAction.decode(_data(update))
    assert button is not None, "the handler's pattern admits only well-formed data"
    action = Action(button.action.value)
    await apply(update, context, ChangeRequest(button.case_id, action, button.status))


async def choose_outcome(update: Update, context: BotContext) -> None:
    """Offer the outcomes of one referral in place of the card's buttons (Back restores them)."""
    button = ReferralMenu.decode(_data(update))
    query = update.callback_query
    assert query is not None and button is not None and update.effective_user is not None
    card = query.message.message_id if query.message else 0
    try:
        async with context.services.sessions() as session:
            referral = await referral_for(session, update.effective_user.id, button.referral_id)
            in_card = await is_card(session, query.from_user.id, card, referral.case_id)
    except AccessDenied:
        await refuse(update, context)
        return
    sector = context.services.sectors.name(referral.sector, context.locale)
    choices = [
        (context.t(f"outcome-{o}"), ReferralOutcome(button.referral_id, o).encode())
        for o in Outcome
    ]
    back = (context.t("button-back"), OpenCase(referral.case_id).encode())
    await query.answer(context.t("outcome-ask", sector=sector))
    if in_card:
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(grid(choices, extra=[back]))
        return
    await context.bot.send_message(
        query.from_user.id, context.t("outcome-ask", sector=sector), reply_markup=grid(choices)
    )


async def set_outcome(update: Update, context: BotContext) -> None:
    """Record the outcome the coordinator chose for a referral, and update the card."""
    button = ReferralOutcome.decode(_data(update))
    assert button is not None and update.effective_user is not None
    query, services = update.callback_query, context.services
    assert query is not None
    try:
        async with services.sessions.begin() as session:
            change = await decide_referral(
                session, services, update.effective_user.id, button.referral_id, button.outcome
            )
    except AccessDenied:
        await refuse(update, context)
        return
    except IllegalTransition:
        async with services.sessions() as session:
            referral = await referral_for(session, update.effective_user.id, button.referral_id)
        await stale(update, context, referral.case_id)
        return
    await query.answer(context.t("case-updated-short"))
    await show_case(update, context, change.case.id, in_place=True)


async def answer_nudge(update: Update, context: BotContext) -> None:
    """Answer a nudge: "still in progress" restarts the clock, "resolved" marks it handled."""
    button = NudgeButton.decode(_data(update))
    assert button is not None
    if button.reply is NudgeReply.ONGOING:
        request = ChangeRequest(button.case_id, Action.NOTE, kind="in_progress")
    else:
        request = ChangeRequest(button.case_id, Action.HANDLE)
    await apply(update, context, request)
