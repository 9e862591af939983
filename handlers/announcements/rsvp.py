"""Recipients answer with Hadir / Tidak hadir buttons, and check in with /hadir CODE."""

from __future__ import annotations

import contextlib

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot.announcements.buttons import Rsvp
from bot.announcements.rsvp import RsvpRefused, answer, check_in
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.announcements.render import keyboard, messages_of


async def answer_rsvp(update: Update, context: BotContext) -> None:
    """Record the recipient's answer and tick it on the message."""
    query = update.callback_query
    button = Rsvp.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    reply = button.answer
    try:
        async with context.services.sessions.begin() as session:
            user, item = await answer(
                session,
                update.effective_user.id,
                button.announcement_id,
                reply,
                context.services.clock.now(),
            )
    except RsvpRefused as refused:
        await query.answer(context.t(f"rsvp-refused-{refused.reason}"), show_alert=True)
        return
    # The invitation was written in the recipient's stored language; answer in the same one.
    messages = messages_of(context)
    locale = messages.locale_of(user)
    await query.answer(context.services.texts.get(locale, f"rsvp-saved-{reply}"), show_alert=True)
    ticked = keyboard(messages.rsvp_buttons(locale, item.id, chosen=reply))
    if isinstance(query.message, Message) and query.message.reply_markup != ticked:
        # The message may be gone by now; the answer is recorded either way.
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(ticked)


async def check_in_command(update: Update, context: BotContext) -> None:
    """Record attendance at today's event by the code the coordinator shows."""
    message = update.message
    assert message is not None and update.effective_user is not None
    if await active_user_or_explain(update, context) is None:
        raise ApplicationHandlerStop
    if not context.args:
        await message.reply_text(context.t("checkin-usage"))
        raise ApplicationHandlerStop
    services = context.services
    try:
        async with services.sessions.begin() as session:
            item, new = await check_in(
                session,
                update.effective_user.id,
                context.args[0],
                services.clock.now(),
                services.settings.tz,
            )
    except RsvpRefused as refused:
        starts_at = refused.starts_at
        date = messages_of(context).when(context.locale, starts_at) if starts_at else "-"
        await message.reply_text(context.t(f"checkin-refused-{refused.reason}", date=date))
        raise ApplicationHandlerStop from None
    await message.reply_text(
        context.t("checkin-done" if new else "checkin-again", title=item.title)
    )
    raise ApplicationHandlerStop
