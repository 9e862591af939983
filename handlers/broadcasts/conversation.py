"""The /siaran conversation: a coordinator's text (or photo) to an audience, previewed, queued."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.broadcasts.queue import CAPTION_LENGTH, TEXT_LENGTH, BroadcastDraft, queue_broadcast
from bot.delivery import (
    NOT_ALLOWED,
    AudienceRefused,
    may_address,
)
from bot.people import get_user
from bot.runtime.answers import bounded_text, clean_text
from bot.runtime.context import BotApp, BotContext
from handlers.broadcasts.flow import (
    BROADCAST,
    Act,
    AudienceChoice,
    KecamatanTick,
    Step,
    Tap,
    kecamatan_keyboard,
    mode_label,
)
from handlers.composing import refused_at_confirm, start_composing
from handlers.groups import Group, add
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED


async def start(update: Update, context: BotContext) -> Step | int:
    """Start a broadcast for an active coordinator or admin; refuse anyone else kindly."""
    allowed = await start_composing(update, context, BROADCAST, "broadcast-not-allowed")
    if allowed is None:
        return ConversationHandler.END
    author, rights = allowed
    draft = BroadcastDraft(author=author.full_name, modes=rights.modes, choosable=rights.choosable)
    return await BROADCAST.begin(update, context, draft, Step.TEXT)


async def enter_text(update: Update, context: BotContext) -> Step:
    """Take the message text, keeping the author's bold and italics."""
    bounded_text(typed_text(update), TEXT_LENGTH, "broadcast")
    assert update.message is not None
    with BROADCAST.edit(context) as draft:
        draft.text, draft.photo = clean_text(update.message.text_html).strip(), None
    return await BROADCAST.proceed(update, context, Step.TEXT)


async def attach_photo(update: Update, context: BotContext) -> Step:
    """Take a photo whose caption is the message."""
    message = update.message
    assert message is not None and message.photo
    bounded_text(message.caption or "", CAPTION_LENGTH, "broadcast-caption")
    with BROADCAST.edit(context) as draft:
        draft.text = clean_text(message.caption_html).strip()
        draft.photo = message.photo[-1].file_id
    return await BROADCAST.proceed(update, context, Step.TEXT)


async def choose_audience(update: Update, context: BotContext) -> Step:
    """Record who receives it: everyone, the author's kecamatan, picked ones, or coordinators."""
    assert update.callback_query is not None
    mode = BROADCAST.tapped(update, AudienceChoice).mode
    if mode not in BROADCAST.draft(context).modes:
        refused = context.t("broadcast-refused-forbidden")
        await update.callback_query.answer(refused, show_alert=True)
        return Step.AUDIENCE
    with BROADCAST.edit(context) as draft:
        draft.mode, draft.kecamatan = mode, []
    await mark_chosen(update, mode_label(context, draft, mode))
    return await BROADCAST.proceed(update, context, Step.AUDIENCE)


async def toggle_kecamatan(update: Update, context: BotContext) -> Step:
    """Tick or untick one kecamatan, if the author may address it."""
    query, code = update.callback_query, BROADCAST.tapped(update, KecamatanTick).code
    assert query is not None
    if code not in BROADCAST.draft(context).choosable:
        await query.answer(context.t("broadcast-refused-forbidden"), show_alert=True)
        return Step.KECAMATAN
    with BROADCAST.edit(context) as draft:
        chosen = code in draft.kecamatan
        draft.kecamatan = [c for c in draft.kecamatan if c != code] + ([] if chosen else [code])
    return await BROADCAST.redraw(update, context, kecamatan_keyboard(context, draft))


async def kecamatan_done(update: Update, context: BotContext) -> Step:
    """Go on to the preview once at least one kecamatan is ticked."""
    assert update.callback_query is not None
    chosen = sorted(BROADCAST.draft(context).kecamatan)
    if not chosen:
        await update.callback_query.answer(context.t("broadcast-refused-empty"), show_alert=True)
        return Step.KECAMATAN
    await mark_chosen(update, ", ".join(context.services.regions.name_of(c) for c in chosen))
    return await BROADCAST.proceed(update, context, Step.KECAMATAN)


async def send(update: Update, context: BotContext) -> Step | int:
    """Write the broadcast and its outbox rows in one transaction, then say how many will get it."""
    await mark_chosen(update, context.t("broadcast-button-send"))
    draft, services = BROADCAST.draft(context), context.services
    assert update.effective_user is not None and update.effective_chat is not None
    try:
        async with BROADCAST.finishing(context) as session:
            author = await get_user(session, update.effective_user.id)
            if not may_address(author):
                raise AudienceRefused(NOT_ALLOWED)
            _, queued = await queue_broadcast(
                session, author, draft, services.texts, services.clock.now()
            )
    except AudienceRefused as refused:
        keys = ("broadcast-refused-", "broadcast-not-allowed")
        return await refused_at_confirm(update, context, BROADCAST, refused, keys, Step.AUDIENCE)
    queued_text = context.t("broadcast-queued", count=queued)
    await context.bot.send_message(update.effective_chat.id, queued_text)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Throw the broadcast away; nothing was sent."""
    await mark_chosen(update, context.t("broadcast-button-cancel"))
    await BROADCAST.end(context)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("broadcast-cancelled"))
    return ConversationHandler.END


def register(application: BotApp) -> None:
    b = BROADCAST.button
    add(
        application,
        Group.BROADCAST,
        [
            BROADCAST.conversation(
                entry_points=[CommandHandler("siaran", start)],
                states={
                    Step.TEXT: [
                        MessageHandler(TYPED, enter_text),
                        MessageHandler(filters.PHOTO, attach_photo),
                    ],
                    Step.AUDIENCE: [b(choose_audience, AudienceChoice)],
                    Step.KECAMATAN: [
                        b(kecamatan_done, Tap, act=Act.DONE),
                        b(toggle_kecamatan, KecamatanTick),
                    ],
                    Step.CONFIRM: [b(send, Tap, act=Act.SEND), b(cancel, Tap, act=Act.CANCEL)],
                },
                fallbacks=[CommandHandler("batal", cancel)],
                command="siaran",
            )
        ],
    )
