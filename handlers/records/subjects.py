"""/subjek: an admin answers a person's request: what is held about them, export, erasure."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update

from bot.people import get_user
from bot.records import (
    BadPerson,
    NotAllowed,
    SubjectButton,
    UnknownRequest,
    erase_request,
    export_request,
    open_request,
    parse_person,
    subject_sheet,
    view_request,
)
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.records.render import erase_question, subject_summary
from handlers.replies import mark_chosen, remove_from_chat


async def look_up(update: Update, context: BotContext) -> None:
    """Find a person by NIK, or name and birth date, deleting a typed NIK from the chat."""
    assert update.message is not None
    typed = " ".join(context.args or [])
    # A NIK, however grouped; a birth date alone has too few digits to be one.
    if sum(character.isdigit() for character in typed) >= 12:
        await remove_from_chat(update.message)
    actor = await active_user_or_explain(update, context)
    if actor is None:
        return
    services, chat = context.services, update.message.chat_id
    try:
        person = parse_person(typed, services.today())
        async with services.sessions.begin() as session:
            found = await open_request(
                session, actor, person, services.cipher, services.clock.now()
            )
    except BadPerson as bad:
        key = f"nik-invalid-{bad.nik_problem}" if bad.nik_problem else "subject-usage"
        await context.bot.send_message(chat, context.t(key))
        return
    except NotAllowed:
        await context.bot.send_message(chat, context.t("subject-refused"))
        return
    text, buttons = subject_summary(context, found)
    await context.bot.send_message(chat, text, reply_markup=buttons)


def _acting(update: Update) -> tuple[SubjectButton, int]:
    query = update.callback_query
    button = SubjectButton.decode(query.data if query else None)
    assert query is not None and button is not None
    return button, query.from_user.id


async def _refuse(update: Update, context: BotContext, key: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(context.t(key), show_alert=True)


async def export(update: Update, context: BotContext) -> None:
    """Send everything held about the person as one spreadsheet; audited."""
    button, user_id = _acting(update)
    services = context.services
    try:
        async with services.sessions.begin() as session:
            actor = await get_user(session, user_id)
            record = await export_request(session, actor, button.request_id, services.clock.now())
    except (NotAllowed, UnknownRequest):
        await _refuse(update, context, "subject-refused")
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    data = await asyncio.to_thread(subject_sheet, record, services, context.locale)
    name = f"data-pribadi-{button.request_id}.xlsx"
    caption = context.t("subject-export-caption", request=button.request_id)
    await context.bot.send_document(user_id, InputFile(data, name), caption=caption)


async def ask_erase(update: Update, context: BotContext) -> None:
    """Ask for confirmation before the person's data is erased."""
    button, user_id = _acting(update)
    try:
        async with context.services.sessions.begin() as session:
            record = await view_request(
                session, await get_user(session, user_id), button.request_id
            )
    except (NotAllowed, UnknownRequest):
        await _refuse(update, context, "subject-refused")
        return
    await mark_chosen(update, context.t("button-subject-erase"))
    text, buttons = erase_question(context, record)
    await context.bot.send_message(user_id, text, reply_markup=buttons)


async def erase(update: Update, context: BotContext) -> None:
    """Anonymise every case of the request: a valid erasure request, confirmed."""
    button, user_id = _acting(update)
    services = context.services
    try:
        async with services.sessions.begin() as session:
            actor = await get_user(session, user_id)
            count = await erase_request(session, actor, button.request_id, services.clock.now())
    except NotAllowed:
        await _refuse(update, context, "subject-refused")
        return
    except UnknownRequest:
        await _refuse(update, context, "subject-erased-already")
        return
    await mark_chosen(update, context.t("button-subject-erase-yes"))
    await context.bot.send_message(user_id, context.t("subject-erased", count=count))


async def keep(update: Update, context: BotContext) -> None:
    """Erase nothing."""
    await mark_chosen(update, context.t("button-subject-erase-no"))
    _, user_id = _acting(update)
    await context.bot.send_message(user_id, context.t("subject-kept"))
