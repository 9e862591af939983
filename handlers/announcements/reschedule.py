"""Changing an event's time: ask for the new one, then tell those who already received it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.announcements.buttons import AnnouncementCard
from bot.announcements.changes import ChangeRefused, check_open, managed, reschedule
from bot.announcements.draft import AnnouncementDraft, event_start
from bot.runtime.context import BotContext
from handlers.announcements.flow import ANNOUNCE, Compose
from handlers.announcements.render import messages_of
from handlers.replies import mark_chosen, typed_text


async def start_reschedule(update: Update, context: BotContext) -> Compose | int:
    """Ask for the new date and time of an announcement's event."""
    query = update.callback_query
    button = AnnouncementCard.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    try:
        async with context.services.sessions() as session:
            _, item = await managed(session, update.effective_user.id, button.announcement_id)
            check_open(item, context.services.clock.now())
    except ChangeRefused as refused:
        await query.answer(context.t(f"announce-refused-{refused}"), show_alert=True)
        return ConversationHandler.END
    await mark_chosen(update, context.t("button-announce-reschedule"))
    draft = AnnouncementDraft(reschedule_id=item.id, title=item.title)
    return await ANNOUNCE.begin(update, context, draft, Compose.NEW_TIME)


async def enter_new_time(update: Update, context: BotContext) -> Compose | int:
    """Move the event to the typed time and report how many recipients were told."""
    services, draft = context.services, ANNOUNCE.draft(context)
    assert update.message is not None and update.effective_user is not None
    assert draft.reschedule_id is not None
    now = services.clock.now()
    starts_at = event_start(typed_text(update), now, services.settings.tz)
    try:
        async with ANNOUNCE.finishing(context) as session:
            user, item = await managed(
                session, update.effective_user.id, draft.reschedule_id, lock=True
            )
            told = await reschedule(session, messages_of(context), user, item, starts_at, now)
    except ChangeRefused as refused:
        note = context.t(f"announce-refused-{refused}")
        if str(refused) == "before-send":
            return await ANNOUNCE.ask(update, context, Compose.NEW_TIME, note)
        await ANNOUNCE.end(context)
        await update.message.reply_text(note)
        return ConversationHandler.END
    when = messages_of(context).when(context.locale, starts_at)
    await update.message.reply_text(
        context.t("announce-rescheduled", title=item.title, when=when, told=told)
    )
    return ConversationHandler.END
