"""Apply a lifecycle action from a button or a typed answer, then show the case again."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.cases.changes import ChangeRequest, change_case
from bot.cases.lifecycle import AccessDenied, IllegalTransition
from bot.runtime.context import BotContext
from handlers.cases.view import refuse, show_case
from handlers.wizard import Wizard


async def apply(
    update: Update,
    context: BotContext,
    request: ChangeRequest,
    ending: Wizard[Any, Any] | None = None,
    card: int | None = None,
) -> bool:
    """Change the case in one transaction, confirm in a toast or one line and bring its card
    up to date in place; refuse forged or stale requests politely.

    With `ending`, that conversation's draft goes in the same commit: applied or refused, the
    input it collected is spent. `card` is the card the action was started from.
    """
    assert update.effective_user is not None
    unit = ending.finishing(context) if ending else context.services.sessions.begin()
    try:
        async with unit as session:
            await change_case(session, context.services, update.effective_user.id, request)
    except (AccessDenied, IllegalTransition) as refused:
        if ending:
            await ending.end(context)
        if isinstance(refused, AccessDenied):
            await refuse(update, context)
        else:
            await stale(update, context, request.case_id, card)
        return False
    if update.callback_query:
        await update.callback_query.answer(context.t("case-updated-short"))
    elif update.effective_message:
        await update.effective_message.reply_text(context.t("case-updated"))
    await show_case(update, context, request.case_id, in_place=True, card=card)
    return True


async def stale(update: Update, context: BotContext, case_id: int, card: int | None = None) -> None:
    """The case changed since the button was drawn: show it as it is now, silently in its card
    (a card elsewhere, or a new one, says so)."""
    if update.callback_query:
        await update.callback_query.answer()
    note = context.t("case-changed")
    await show_case(update, context, case_id, note, in_place=True, card=card)
