"""Composing steps: title, text or flyer, event time, venue, audience, when to send."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.announcements.draft import (
    BODY_LENGTH,
    CAPTION_BODY_LENGTH,
    TITLE_LENGTH,
    VENUE_LENGTH,
    AnnouncementDraft,
    event_start,
    send_moment,
)
from bot.delivery.audience import audience_modes, choosable_kecamatan, may_address
from bot.people.directory import get_user
from bot.runtime.answers import BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.announcements.prompts import (
    DRAFT_KEY,
    Compose,
    ask,
    get_draft,
    kecamatan_keyboard,
    mode_label,
    proceed,
    set_draft,
)
from handlers.announcements.wrong_input import stale_button
from handlers.busy import busy_with
from handlers.replies import mark_chosen

FLYER_TYPES = ("application/pdf", "image/")


def _text(update: Update) -> str:
    assert update.message is not None and update.message.text is not None
    return update.message.text


def _choice(update: Update) -> str:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.rsplit(":", 1)[-1]


async def _typed(update: Update, context: BotContext, step: Compose, field: str) -> Compose:
    """Check a typed text answer of `step` against its bounds and keep it as `field`."""
    bounds = {"title": TITLE_LENGTH, "body": BODY_LENGTH, "venue": VENUE_LENGTH}[field]
    try:
        value = bounded_text(_text(update), bounds, f"announce-{field}")
    except BadAnswer as bad:
        return await ask(update, context, step, context.t(bad.key, **bad.args_))
    draft = get_draft(context)
    setattr(draft, field, value)
    if field == "body":
        draft.photo = draft.document = None
    set_draft(context, draft)
    return await proceed(update, context, step)


async def start_compose(update: Update, context: BotContext) -> Compose | int:
    """Start a new announcement for a coordinator or admin."""
    assert update.callback_query is not None and update.effective_user is not None
    async with context.services.sessions() as session:
        user = await get_user(session, update.effective_user.id)
    refusal = busy_with(context, DRAFT_KEY) or (
        None if may_address(user) else context.t("announce-not-allowed")
    )
    if refusal is not None or user is None:
        await update.callback_query.answer(refusal, show_alert=True)
        return ConversationHandler.END
    await mark_chosen(update, context.t("button-announce-new"))
    choosable = choosable_kecamatan(user, context.services.regions)
    set_draft(
        context,
        AnnouncementDraft(
            modes=[str(mode) for mode in audience_modes(user)],
            choosable=[kecamatan.code for kecamatan in choosable],
        ),
    )
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("announce-intro"))
    return await ask(update, context, Compose.TITLE)


async def enter_title(update: Update, context: BotContext) -> Compose:
    """Record the event's title."""
    return await _typed(update, context, Compose.TITLE, "title")


async def enter_body(update: Update, context: BotContext) -> Compose:
    """Record the announcement's text, without a flyer."""
    return await _typed(update, context, Compose.BODY, "body")


async def attach_flyer(update: Update, context: BotContext) -> Compose:
    """Record a flyer (photo or PDF) and its caption as the announcement's text."""
    message = update.message
    assert message is not None
    document = message.document
    if document and not (document.mime_type or "").startswith(FLYER_TYPES):
        return await ask(update, context, Compose.BODY, context.t("announce-flyer-type"))
    try:
        body = bounded_text(message.caption or "", CAPTION_BODY_LENGTH, "announce-caption")
    except BadAnswer as bad:
        return await ask(update, context, Compose.BODY, context.t(bad.key, **bad.args_))
    draft = get_draft(context)
    draft.body = body
    draft.photo = message.photo[-1].file_id if message.photo else None
    draft.document = document.file_id if document else None
    set_draft(context, draft)
    return await proceed(update, context, Compose.BODY)


async def enter_start(update: Update, context: BotContext) -> Compose:
    """Record when the event starts: a real moment in the future."""
    services = context.services
    try:
        starts_at = event_start(_text(update), services.clock.now(), services.settings.tz)
    except BadAnswer as bad:
        return await ask(update, context, Compose.STARTS_AT, context.t(bad.key, **bad.args_))
    draft = get_draft(context)
    draft.starts_at = starts_at.isoformat()
    set_draft(context, draft)
    return await proceed(update, context, Compose.STARTS_AT)


async def enter_venue(update: Update, context: BotContext) -> Compose:
    """Record where the event takes place."""
    return await _typed(update, context, Compose.VENUE, "venue")


async def choose_audience(update: Update, context: BotContext) -> Compose:
    """Record who receives it: everyone allowed, chosen kecamatan, or coordinators."""
    mode, draft = _choice(update), get_draft(context)
    if mode not in draft.modes:
        return await stale_button(update, context)
    draft.audience, draft.kecamatan = mode, []
    set_draft(context, draft)
    await mark_chosen(update, mode_label(context, mode))
    return await proceed(update, context, Compose.AUDIENCE)


async def toggle_kecamatan(update: Update, context: BotContext) -> Compose:
    """Tick or untick one kecamatan of the audience."""
    code, draft = _choice(update), get_draft(context)
    if code not in draft.choosable:
        return await stale_button(update, context)
    draft.kecamatan = [c for c in draft.kecamatan if c != code] + (
        [] if code in draft.kecamatan else [code]
    )
    set_draft(context, draft)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await update.callback_query.edit_message_reply_markup(kecamatan_keyboard(context, draft))
    return Compose.KECAMATAN


async def kecamatan_done(update: Update, context: BotContext) -> Compose:
    """Finish choosing kecamatan; at least one is needed."""
    draft = get_draft(context)
    assert update.callback_query is not None
    if not draft.kecamatan:
        await update.callback_query.answer(context.t("announce-audience-empty"), show_alert=True)
        return Compose.KECAMATAN
    names = ", ".join(context.services.regions.name_of(code) for code in draft.kecamatan)
    await mark_chosen(update, names)
    return await proceed(update, context, Compose.KECAMATAN)


async def send_now(update: Update, context: BotContext) -> Compose:
    """Send it as soon as it is confirmed."""
    draft = get_draft(context)
    draft.send_at = None
    set_draft(context, draft)
    await mark_chosen(update, context.t("button-announce-send-now"))
    return await proceed(update, context, Compose.SEND_AT)


async def enter_send_time(update: Update, context: BotContext) -> Compose:
    """Schedule the sending for a typed moment before the event."""
    services, draft = context.services, get_draft(context)
    assert draft.start is not None, "the event time is asked first"
    now, tz = services.clock.now(), services.settings.tz
    try:
        draft.send_at = send_moment(_text(update), now, draft.start, tz).isoformat()
    except BadAnswer as bad:
        return await ask(update, context, Compose.SEND_AT, context.t(bad.key, **bad.args_))
    set_draft(context, draft)
    return await proceed(update, context, Compose.SEND_AT)
