"""Changing an event's time: ask for the new one, then tell those who already received it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.announcements.changes import ChangeRefused, check_open, managed, reschedule
from bot.announcements.draft import AnnouncementDraft, event_start
from bot.runtime.answers import BadAnswer
from bot.runtime.context import BotContext
from handlers.announcements.manage import announcement_id
from handlers.announcements.prompts import Compose, ask, get_draft, set_draft
from handlers.announcements.render import messages_of
from handlers.replies import mark_chosen


async def start_reschedule(update: Update, context: BotContext) -> Compose | int:
    """Ask for the new date and time of an announcement's event."""
    assert update.callback_query is not None and update.effective_user is not None
    try:
        async with context.services.sessions() as session:
            _, item = await managed(session, update.effective_user.id, announcement_id(update))
            check_open(item, context.services.clock.now())
    except ChangeRefused as refused:
        await update.callback_query.answer(
            context.t(f"announce-refused-{refused}"), show_alert=True
        )
        return ConversationHandler.END
    await mark_chosen(update, context.t("button-announce-reschedule"))
    set_draft(context, AnnouncementDraft(reschedule_id=item.id, title=item.title))
    return await ask(update, context, Compose.NEW_TIME)


async def enter_new_time(update: Update, context: BotContext) -> Compose | int:
    """Move the event to the typed time and report how many recipients were told."""
    services, draft = context.services, get_draft(context)
    assert update.message is not None and update.message.text is not None
    assert update.effective_user is not None and draft.reschedule_id is not None
    now = services.clock.now()
    try:
        starts_at = event_start(update.message.text, now, services.settings.tz)
        async with services.sessions.begin() as session:
            user, item = await managed(
                session, update.effective_user.id, draft.reschedule_id, lock=True
            )
            told = await reschedule(session, messages_of(context), user, item, starts_at, now)
    except BadAnswer as bad:
        return await ask(update, context, Compose.NEW_TIME, context.t(bad.key, **bad.args_))
    except ChangeRefused as refused:
        if str(refused) == "before-send":
            return await ask(
                update, context, Compose.NEW_TIME, context.t("announce-refused-before-send")
            )
        set_draft(context, None)
        await update.message.reply_text(context.t(f"announce-refused-{refused}"))
        return ConversationHandler.END
    set_draft(context, None)
    when = messages_of(context).when(context.locale, starts_at)
    await update.message.reply_text(
        context.t("announce-rescheduled", title=item.title, when=when, told=told)
    )
    return ConversationHandler.END
