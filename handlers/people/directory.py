"""/pengguna: the people a coordinator or admin oversees, one person's page, one-tap changes."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest

from bot.cases import open_numbers
from bot.people.buttons import OpenPerson, PeopleFilter, PeopleList
from bot.people.listing import SEARCH_LENGTH, NotReached, list_people, person_page
from bot.runtime.answers import BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.people.render import people_list, person_detail


def refusal_key(reason: str) -> str:
    """The catalog text for a refused change (bot.people.ChangeRefused's reason)."""
    return "people-refused" if reason == "forbidden" else f"people-{reason}"


async def refuse(update: Update, context: BotContext, key: str = "people-refused") -> None:
    """Say no without telling whether the person exists."""
    if update.callback_query:
        await update.callback_query.answer(context.t(key), show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(context.t(key))


async def list_command(update: Update, context: BotContext) -> None:
    """List the people the caller oversees, or those matching the words after the command."""
    if await active_user_or_explain(update, context) is None:
        return
    assert update.message is not None and update.effective_user is not None
    search = " ".join(context.args or []) or None
    try:
        search = bounded_text(search, SEARCH_LENGTH, "search") if search else None
    except BadAnswer as bad:
        await update.message.reply_text(context.t(bad.key, **bad.args_))
        return
    services = context.services
    try:
        async with services.sessions.begin() as session:
            people, total = await list_people(
                session, update.effective_user.id, PeopleFilter.ALL, 0, services.clock.now(), search
            )
    except NotReached:
        await refuse(update, context)
        return
    text, buttons = people_list(context, people, total, 0, PeopleFilter.ALL, search)
    await update.message.reply_text(text, reply_markup=buttons)


async def turn_page(update: Update, context: BotContext) -> None:
    """Show another page or filter of the list, in place."""
    query = update.callback_query
    button = PeopleList.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            people, total = await list_people(
                session, update.effective_user.id, button.filter, button.page, services.clock.now()
            )
    except NotReached:
        await refuse(update, context)
        return
    await query.answer()
    text, buttons = people_list(context, people, total, button.page, button.filter)
    with contextlib.suppress(BadRequest):  # unchanged, or too old to edit: nothing to redo
        await query.edit_message_text(text, reply_markup=buttons)


async def show_person(
    update: Update, context: BotContext, user_id: int, note: str | None = None
) -> bool:
    """Send one person's page with the actions the caller may take; False when refused."""
    assert update.effective_user is not None and update.effective_chat is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            actor, view = await person_page(
                session, update.effective_user.id, user_id, services.clock.now()
            )
            cases = await open_numbers(session, actor, user_id)
    except NotReached:
        await refuse(update, context)
        return False
    text, buttons = person_detail(context, actor, view, cases)
    body = f"{note}\n\n{text}" if note else text
    await context.bot.send_message(update.effective_chat.id, body, reply_markup=buttons)
    return True


async def open_person(update: Update, context: BotContext) -> None:
    """Open the tapped person's page."""
    query = update.callback_query
    button = OpenPerson.decode(query.data if query else None)
    assert query is not None and button is not None
    if await show_person(update, context, button.user_id):
        await query.answer()
