"""One-tap case actions: verify, handled, reopen, referral outcomes, answers to nudges."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest

from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition
from bot.cases.work import OUTCOMES, record_outcome
from bot.runtime.context import BotContext
from handlers.cases.apply import apply, tell_other_side
from handlers.cases.view import refuse, show_case
from handlers.keyboards import grid
from storage.cases import Referral


def _parts(update: Update) -> list[str]:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.split(":")


async def one_tap(update: Update, context: BotContext) -> None:
    """Apply a button's action to the case it names, if it is still the case it was."""
    _, _, action, case_id, status = _parts(update)
    await apply(update, context, int(case_id), Action(action), status)


async def choose_outcome(update: Update, context: BotContext) -> None:
    """Offer the outcomes of one referral."""
    referral_id = int(_parts(update)[2])
    query = update.callback_query
    assert query is not None
    async with context.services.sessions() as session:
        referral = await session.get(Referral, referral_id)
    if referral is None:
        await refuse(update, context)
        return
    sector = context.services.sectors.name(referral.sector, context.locale)
    choices = [(context.t(f"outcome-{o}"), f"k:ro:{referral_id}:{o}") for o in OUTCOMES]
    await query.answer()
    await context.bot.send_message(
        query.from_user.id, context.t("outcome-ask", sector=sector), reply_markup=grid(choices)
    )


async def set_outcome(update: Update, context: BotContext) -> None:
    """Record the outcome the coordinator chose for a referral."""
    _, _, referral_id, outcome = _parts(update)
    assert update.effective_user is not None and update.callback_query is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            change, referral = await record_outcome(
                session,
                update.effective_user.id,
                int(referral_id),
                outcome,
                services.settings,
                services.clock.now(),
            )
    except AccessDenied:
        await refuse(update, context)
        return
    except IllegalTransition:
        await update.callback_query.answer(context.t("case-changed"), show_alert=True)
        return
    await update.callback_query.answer(context.t("case-updated-short"))
    # The outcome menu has done its job; an old one that cannot be edited any more is harmless.
    with contextlib.suppress(BadRequest):
        await update.callback_query.edit_message_reply_markup(None)
    await tell_other_side(context, change)
    await show_case(update, context, referral.case_id, context.t("case-updated"))


async def still_in_progress(update: Update, context: BotContext) -> None:
    """Answer a nudge with "still in progress": it restarts the follow-up clock."""
    await apply(update, context, int(_parts(update)[2]), Action.NOTE, kind="in_progress")


async def resolved(update: Update, context: BotContext) -> None:
    """Answer a nudge with "resolved": the case is marked handled."""
    await apply(update, context, int(_parts(update)[2]), Action.HANDLE)
