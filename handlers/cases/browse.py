"""/kasus: the cases a user may see, filters and pages, and opening one."""

from __future__ import annotations

import re

from telegram import Update

from bot.cases.buttons import CaseList, OpenCase
from bot.cases.lifecycle import AccessDenied
from bot.cases.nik import mask_nik
from bot.cases.queries import Filters, case_id_by_number, cases_by_nik, visible_cases
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.cases.render import case_list, found_by_nik
from handlers.cases.view import refuse, show_case
from handlers.replies import remove_from_chat, show_in_place
from storage.people import User

# A NIK as typed after /kasus: 16 digits, maybe grouped by spaces, dots or dashes.
NIK_TYPED = re.compile(r"(?:\d[\s.\-]?){15}\d")


async def list_cases(update: Update, context: BotContext) -> None:
    """List the caller's cases, or open the one whose number follows the command, or find the
    cases of the person whose NIK follows it."""
    nik = "".join(context.args or [])
    if NIK_TYPED.fullmatch(nik):
        # Whoever sent it and whatever follows, the NIK does not stay in the chat.
        await remove_from_chat(update.message)
    actor = await active_user_or_explain(update, context)
    if actor is None:
        return
    if NIK_TYPED.fullmatch(nik):
        await find_by_nik(update, context, actor, re.sub(r"\D", "", nik))
        return
    if context.args:
        async with context.services.sessions() as session:
            case_id = await case_id_by_number(session, context.args[0])
        await show_case(update, context, case_id or 0)
        return
    async with context.services.sessions.begin() as session:
        now = context.services.clock.now()
        listed = await visible_cases(session, actor, Filters(), 0, now)
    text, buttons = case_list(context, actor, listed, Filters())
    assert update.message is not None
    await update.message.reply_text(text, reply_markup=buttons)


async def turn_page(update: Update, context: BotContext) -> None:
    """Show another page or another filter of the list, in place."""
    query = update.callback_query
    button = CaseList.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    filters = Filters(button.status, button.urgency, button.kecamatan)
    try:
        async with context.services.sessions.begin() as session:
            actor = await get_user(session, update.effective_user.id)
            if actor is None:
                raise AccessDenied(update.effective_user.id)
            now = context.services.clock.now()
            listed = await visible_cases(session, actor, filters, button.page, now)
    except AccessDenied:
        await refuse(update, context)
        return
    await query.answer()
    text, buttons = case_list(context, actor, listed, filters)
    await show_in_place(update, context, text, buttons)


async def find_by_nik(update: Update, context: BotContext, actor: User, nik: str) -> None:
    """List the cases of the person with this NIK that the caller may see."""
    services = context.services
    async with services.sessions.begin() as session:
        cases = await cases_by_nik(session, actor, nik, services.cipher, services.clock.now())
    text, buttons = found_by_nik(context, mask_nik(nik), cases)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=buttons)


async def open_from_list(update: Update, context: BotContext) -> None:
    """Open the tapped case."""
    query = update.callback_query
    button = OpenCase.decode(query.data if query else None)
    assert query is not None and button is not None
    if await show_case(update, context, button.case_id, in_place=True):
        await query.answer()
