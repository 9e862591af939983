"""/kasus: the cases a user may see, filters and pages, and opening one."""

from __future__ import annotations

from telegram import Update

from bot.cases.buttons import CaseList, OpenCase
from bot.cases.lifecycle import AccessDenied
from bot.cases.queries import Filters, case_id_by_number, visible_cases
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.cases.render import case_list
from handlers.cases.view import refuse, show_case
from handlers.replies import show_in_place


async def list_cases(update: Update, context: BotContext) -> None:
    """List the caller's cases, or open the one whose number follows the command."""
    actor = await active_user_or_explain(update, context)
    if actor is None:
        return
    if context.args:
        async with context.services.sessions() as session:
            case_id = await case_id_by_number(session, context.args[0])
        await show_case(update, context, case_id or 0)
        return
    async with context.services.sessions() as session:
        cases, total = await visible_cases(session, actor, Filters(), 0)
    text, buttons = case_list(context, actor, cases, total, 0, Filters())
    assert update.message is not None
    await update.message.reply_text(text, reply_markup=buttons)


async def turn_page(update: Update, context: BotContext) -> None:
    """Show another page or another filter of the list, in place."""
    query = update.callback_query
    button = CaseList.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    filters = Filters(button.status, button.urgency, button.kecamatan)
    try:
        async with context.services.sessions() as session:
            actor = await get_user(session, update.effective_user.id)
            if actor is None:
                raise AccessDenied(update.effective_user.id)
            cases, total = await visible_cases(session, actor, filters, button.page)
    except AccessDenied:
        await refuse(update, context)
        return
    await query.answer()
    text, buttons = case_list(context, actor, cases, total, button.page, filters)
    await show_in_place(update, context, text, buttons)


async def open_from_list(update: Update, context: BotContext) -> None:
    """Open the tapped case."""
    query = update.callback_query
    button = OpenCase.decode(query.data if query else None)
    assert query is not None and button is not None
    if await show_case(update, context, button.case_id):
        await query.answer()
