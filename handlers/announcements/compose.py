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
from bot.runtime.answers import BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.announcements.flow import (
    ANNOUNCE,
    AudienceChoice,
    Compose,
    KecamatanTick,
    kecamatan_keyboard,
    mode_label,
)
from handlers.composing import start_composing
from handlers.replies import mark_chosen, typed_text

FLYER_TYPES = ("application/pdf", "image/")
BOUNDS = {"title": TITLE_LENGTH, "body": BODY_LENGTH, "venue": VENUE_LENGTH}


async def _typed(update: Update, context: BotContext, step: Compose, field: str) -> Compose:
    """Check a typed text answer of `step` against its bounds and keep it as `field`."""
    value = bounded_text(typed_text(update), BOUNDS[field], f"announce-{field}")
    with ANNOUNCE.edit(context) as draft:
        setattr(draft, field, value)
        if field == "body":
            draft.photo = draft.document = None
    return await ANNOUNCE.proceed(update, context, step)


async def start_compose(update: Update, context: BotContext) -> Compose | int:
    """Start a new announcement for a coordinator or admin."""
    allowed = await start_composing(update, context, ANNOUNCE, "announce-not-allowed")
    if allowed is None:
        return ConversationHandler.END
    _, rights = allowed
    await mark_chosen(update, context.t("button-announce-new"))
    draft = AnnouncementDraft(modes=rights.modes, choosable=rights.choosable)
    intro = (context.t("announce-intro"), None)
    return await ANNOUNCE.begin(update, context, draft, Compose.TITLE, first=intro)


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
        raise BadAnswer("announce-flyer-type")
    body = bounded_text(message.caption or "", CAPTION_BODY_LENGTH, "announce-caption")
    with ANNOUNCE.edit(context) as draft:
        draft.body = body
        draft.photo = message.photo[-1].file_id if message.photo else None
        draft.document = document.file_id if document else None
    return await ANNOUNCE.proceed(update, context, Compose.BODY)


async def enter_start(update: Update, context: BotContext) -> Compose:
    """Record when the event starts: a real moment in the future."""
    services = context.services
    starts_at = event_start(typed_text(update), services.clock.now(), services.settings.tz)
    with ANNOUNCE.edit(context) as draft:
        draft.starts_at = starts_at.isoformat()
    return await ANNOUNCE.proceed(update, context, Compose.STARTS_AT)


async def enter_venue(update: Update, context: BotContext) -> Compose:
    """Record where the event takes place."""
    return await _typed(update, context, Compose.VENUE, "venue")


async def choose_audience(update: Update, context: BotContext) -> Compose:
    """Record who receives it: everyone allowed, chosen kecamatan, or coordinators."""
    mode = ANNOUNCE.tapped(update, AudienceChoice).mode
    if mode not in ANNOUNCE.draft(context).modes:
        return await ANNOUNCE.stale_button(update, context)
    with ANNOUNCE.edit(context) as draft:
        draft.audience, draft.kecamatan = mode, []
    await mark_chosen(update, mode_label(context, mode))
    return await ANNOUNCE.proceed(update, context, Compose.AUDIENCE)


async def toggle_kecamatan(update: Update, context: BotContext) -> Compose:
    """Tick or untick one kecamatan of the audience."""
    code = ANNOUNCE.tapped(update, KecamatanTick).code
    if code not in ANNOUNCE.draft(context).choosable:
        return await ANNOUNCE.stale_button(update, context)
    with ANNOUNCE.edit(context) as draft:
        chosen = code in draft.kecamatan
        draft.kecamatan = [c for c in draft.kecamatan if c != code] + ([] if chosen else [code])
    return await ANNOUNCE.redraw(update, context, kecamatan_keyboard(context, draft))


async def kecamatan_done(update: Update, context: BotContext) -> Compose:
    """Finish choosing kecamatan; at least one is needed."""
    chosen = ANNOUNCE.draft(context).kecamatan
    assert update.callback_query is not None
    if not chosen:
        await update.callback_query.answer(context.t("announce-audience-empty"), show_alert=True)
        return Compose.KECAMATAN
    await mark_chosen(update, ", ".join(context.services.regions.name_of(c) for c in chosen))
    return await ANNOUNCE.proceed(update, context, Compose.KECAMATAN)


async def send_now(update: Update, context: BotContext) -> Compose:
    """Send it as soon as it is confirmed."""
    with ANNOUNCE.edit(context) as draft:
        draft.send_at = None
    await mark_chosen(update, context.t("button-announce-send-now"))
    return await ANNOUNCE.proceed(update, context, Compose.SEND_AT)


async def enter_send_time(update: Update, context: BotContext) -> Compose:
    """Schedule the sending for a typed moment before the event."""
    services = context.services
    now, tz = services.clock.now(), services.settings.tz
    with ANNOUNCE.edit(context) as draft:
        assert draft.start is not None, "the event time is asked first"
        draft.send_at = send_moment(typed_text(update), now, draft.start, tz).isoformat()
    return await ANNOUNCE.proceed(update, context, Compose.SEND_AT)
