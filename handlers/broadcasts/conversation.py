"""The /siaran conversation: a coordinator's text (or photo) to an audience, previewed, queued."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.broadcasts.queue import CAPTION_LENGTH, TEXT_LENGTH, BroadcastDraft, queue_broadcast
from bot.delivery.audience import (
    AudienceMode,
    AudienceRefused,
    audience_modes,
    may_address,
    may_pick,
)
from bot.people.directory import get_user
from bot.runtime.answers import BadAnswer, bounded_text, clean_text
from bot.runtime.context import BotApp, BotContext
from handlers.broadcasts.prompts import (
    DRAFT_KEY,
    Step,
    ask,
    get_draft,
    kecamatan_keyboard,
    load_author,
    mode_label,
    set_draft,
)
from handlers.busy import busy_with
from handlers.replies import mark_chosen

TYPED = filters.TEXT & ~filters.COMMAND


def _choice(update: Update) -> str:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.rsplit(":", 1)[-1]


async def start(update: Update, context: BotContext) -> Step | int:
    """Start a broadcast for an active coordinator or admin; refuse anyone else kindly."""
    assert update.effective_user is not None and update.message is not None
    async with context.services.sessions() as session:
        author = await get_user(session, update.effective_user.id)
    refusal = busy_with(context, DRAFT_KEY) or (
        None if may_address(author) else context.t("broadcast-not-allowed")
    )
    if refusal is not None:
        await update.message.reply_text(refusal)
        return ConversationHandler.END
    set_draft(context, BroadcastDraft())
    return await ask(update, context, Step.TEXT)


async def enter_text(update: Update, context: BotContext) -> Step:
    """Take the message text, keeping the author's bold and italics."""
    assert update.message is not None and update.message.text is not None
    try:
        bounded_text(update.message.text, TEXT_LENGTH, "broadcast")
    except BadAnswer as bad:
        return await ask(update, context, Step.TEXT, context.t(bad.key, **bad.args_))
    draft = get_draft(context)
    draft.text, draft.photo = clean_text(update.message.text_html).strip(), None
    set_draft(context, draft)
    return await ask(update, context, Step.AUDIENCE)


async def attach_photo(update: Update, context: BotContext) -> Step:
    """Take a photo whose caption is the message."""
    message = update.message
    assert message is not None and message.photo
    try:
        bounded_text(message.caption or "", CAPTION_LENGTH, "broadcast-caption")
    except BadAnswer as bad:
        return await ask(update, context, Step.TEXT, context.t(bad.key, **bad.args_))
    draft = get_draft(context)
    draft.text, draft.photo = clean_text(message.caption_html).strip(), message.photo[-1].file_id
    set_draft(context, draft)
    return await ask(update, context, Step.AUDIENCE)


async def choose_audience(update: Update, context: BotContext) -> Step:
    """Record who receives it: everyone, the author's kecamatan, picked ones, or coordinators."""
    assert update.callback_query is not None
    author, mode = await load_author(update, context), _choice(update)
    if mode not in audience_modes(author):
        await update.callback_query.answer(
            context.t("broadcast-refused-forbidden"), show_alert=True
        )
        return Step.AUDIENCE
    await mark_chosen(update, mode_label(context, author, mode))
    draft = get_draft(context)
    draft.mode, draft.kecamatan = mode, []
    set_draft(context, draft)
    return await ask(update, context, Step.KECAMATAN if mode == AudienceMode.PICK else Step.CONFIRM)


async def toggle_kecamatan(update: Update, context: BotContext) -> Step:
    """Tick or untick one kecamatan, if the author may address it."""
    query = update.callback_query
    assert query is not None
    author, code = await load_author(update, context), _choice(update)
    if context.services.regions.get_kecamatan(code) is None or not may_pick(author, code):
        await query.answer(context.t("broadcast-refused-forbidden"), show_alert=True)
        return Step.KECAMATAN
    draft = get_draft(context)
    if code in draft.kecamatan:
        draft.kecamatan.remove(code)
    else:
        draft.kecamatan.append(code)
    set_draft(context, draft)
    await query.answer()
    await query.edit_message_reply_markup(kecamatan_keyboard(context, author, draft.kecamatan))
    return Step.KECAMATAN


async def kecamatan_done(update: Update, context: BotContext) -> Step:
    """Go on to the preview once at least one kecamatan is ticked."""
    assert update.callback_query is not None
    draft = get_draft(context)
    if not draft.kecamatan:
        await update.callback_query.answer(context.t("broadcast-refused-empty"), show_alert=True)
        return Step.KECAMATAN
    names = ", ".join(context.services.regions.name_of(code) for code in sorted(draft.kecamatan))
    await mark_chosen(update, names)
    return await ask(update, context, Step.CONFIRM)


async def send(update: Update, context: BotContext) -> Step | int:
    """Write the broadcast and its outbox rows in one transaction, then say how many will get it."""
    await mark_chosen(update, context.t("broadcast-button-send"))
    draft, services = get_draft(context), context.services
    author = await load_author(update, context)
    try:
        async with services.sessions.begin() as session:
            _, queued = await queue_broadcast(
                session, author, draft, services.texts, services.clock.now()
            )
    except AudienceRefused as refused:
        if not may_address(author):
            return await _no_longer_allowed(update, context)
        return await ask(update, context, Step.AUDIENCE, context.t(f"broadcast-refused-{refused}"))
    set_draft(context, None)
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("broadcast-queued", count=queued)
    )
    return ConversationHandler.END


async def _no_longer_allowed(update: Update, context: BotContext) -> int:
    # The author's role or areas changed while composing: the draft can no longer go anywhere.
    set_draft(context, None)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("broadcast-not-allowed"))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Throw the broadcast away; nothing was sent."""
    await mark_chosen(update, context.t("broadcast-button-cancel"))
    set_draft(context, None)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("broadcast-cancelled"))
    return ConversationHandler.END


async def wrong_input(update: Update, context: BotContext) -> Step:
    """Explain what the current step needs and ask it again."""
    step = Step(get_draft(context).step)
    assert update.message is not None
    if update.message.text and update.message.text.startswith("/"):
        key = "broadcast-command"
    else:
        key = "broadcast-need-text" if step == Step.TEXT else "broadcast-need-button"
    return await ask(update, context, step, context.t(key))


async def stale_button(update: Update, context: BotContext) -> Step:
    """Say that the button belongs to an earlier question, and ask the current one again."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("wrong-stale-button-short"))
    return await ask(
        update, context, Step(get_draft(context).step), context.t("wrong-stale-button")
    )


async def resume(update: Update, context: BotContext) -> Step:
    """Continue the broadcast in progress on a second /siaran."""
    return await ask(update, context, Step(get_draft(context).step), context.t("broadcast-resume"))


def _button(callback: object, pattern: str) -> CallbackQueryHandler:  # type: ignore[type-arg]
    return CallbackQueryHandler(callback, pattern=f"^bc:{pattern}$")  # type: ignore[arg-type]


def register(application: BotApp) -> None:
    application.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("siaran", start)],
            states={
                Step.TEXT: [
                    MessageHandler(TYPED, enter_text),
                    MessageHandler(filters.PHOTO, attach_photo),
                ],
                Step.AUDIENCE: [_button(choose_audience, r"to:\w+")],
                Step.KECAMATAN: [
                    _button(kecamatan_done, "kec:done"),
                    _button(toggle_kecamatan, r"kec:\d+"),
                ],
                Step.CONFIRM: [_button(send, "send"), _button(cancel, "cancel")],
            },
            fallbacks=[
                CommandHandler("batal", cancel),
                CommandHandler("siaran", resume),
                CallbackQueryHandler(stale_button, pattern="^bc:"),
                MessageHandler(filters.ALL, wrong_input),
            ],
            name="broadcast",
            persistent=True,
        )
    )
