"""Ending the conversation: submit the previewed announcement, or discard what was typed."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.announcements.buttons import AnnouncementCard, Card
from bot.announcements.publish import IncompleteAnnouncement, Submitted, submit_announcement
from bot.delivery import AudienceRefused
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.announcements.flow import ANNOUNCE, Compose
from handlers.announcements.render import messages_of
from handlers.composing import refused_at_confirm
from handlers.keyboards import grid
from handlers.replies import mark_chosen

# Which step to reopen when the service finds an answer missing or no longer valid.
MISSING = {
    "title": Compose.TITLE,
    "body": Compose.BODY,
    "starts_at": Compose.STARTS_AT,
    "venue": Compose.VENUE,
}


async def submit(update: Update, context: BotContext) -> Compose | int:
    """Save the announcement and its outbox rows in one transaction, then confirm with its code."""
    draft, services = ANNOUNCE.draft(context), context.services
    assert update.effective_user is not None and update.effective_chat is not None
    await mark_chosen(update, context.t("button-announce-submit"))
    try:
        async with ANNOUNCE.finishing(context) as session:
            author = await get_user(session, update.effective_user.id)
            result = await submit_announcement(
                session, draft, author, messages_of(context), services.clock.now()
            )
    except IncompleteAnnouncement as missing:
        note = "announce-start-past" if str(missing) == "starts_at" else "announce-missing"
        return await ANNOUNCE.ask(update, context, MISSING[str(missing)], context.t(note))
    except AudienceRefused as refused:
        keys = ("announce-audience-", "announce-not-allowed")
        return await refused_at_confirm(update, context, ANNOUNCE, refused, keys, Compose.AUDIENCE)
    await _confirm_saved(update, context, result, scheduled=draft.send is not None)
    return ConversationHandler.END


async def _confirm_saved(
    update: Update, context: BotContext, result: Submitted, scheduled: bool
) -> None:
    item = result.announcement
    send = (
        messages_of(context).when(context.locale, item.send_at)
        if scheduled
        else context.t("announce-send-now-done")
    )
    open_card = AnnouncementCard(Card.OPEN, item.id).encode()
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id,
        context.t("announce-saved", count=result.recipients, send=send, code=item.code),
        reply_markup=grid([(context.t("button-announce-open"), open_card)]),
    )


async def discard(update: Update, context: BotContext) -> int:
    """Throw the draft (or the time change) away; nothing is sent."""
    rescheduling = ANNOUNCE.draft(context).reschedule_id is not None
    await mark_chosen(update, context.t("button-announce-discard"))
    await ANNOUNCE.end(context)
    assert update.effective_chat is not None
    key = "announce-reschedule-kept" if rescheduling else "announce-discarded"
    await context.bot.send_message(update.effective_chat.id, context.t(key))
    return ConversationHandler.END


async def preview_only(update: Update, context: BotContext) -> Compose | None:
    """Explain that the preview's buttons only show what recipients will get (also once the
    announcement is sent: the author's preview stays in the chat)."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("announce-preview-only"), show_alert=True)
    return ANNOUNCE.step(context) if ANNOUNCE.active(context) else None


async def busy(update: Update, context: BotContext) -> Compose:
    """Refuse to change another announcement until this conversation is finished."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("announce-busy"), show_alert=True)
    return ANNOUNCE.step(context)
