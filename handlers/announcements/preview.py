"""The last step of composing: the announcement exactly as recipients will see it, then Kirim."""

from __future__ import annotations

from telegram import Update

from bot.announcements.draft import AnnouncementDraft
from bot.announcements.publish import from_draft
from bot.delivery import outbox
from bot.delivery.audience import AudienceRefused, resolve_audience
from bot.delivery.payload import Payload
from bot.delivery.sender import deliver
from bot.people.directory import get_user
from bot.runtime.context import BotContext
from handlers.announcements.render import messages_of
from handlers.keyboards import grid
from handlers.replies import audience_label

# Preview buttons look like the real ones but only say "this is a preview" when tapped.
PREVIEW_BUTTON = "an:pv"


async def show_preview(
    update: Update, context: BotContext, draft: AnnouncementDraft, note: str | None
) -> str | None:
    """Show the preview and the summary; or return why the audience must be chosen again."""
    assert update.effective_user is not None
    async with context.services.sessions() as session:
        author = await get_user(session, update.effective_user.id)
        try:
            audience = resolve_audience(author, draft.audience, draft.kecamatan)
        except AudienceRefused as refused:
            return context.t(f"announce-audience-{refused}")
        count = len(await outbox.audience_users(session, audience))
    if not count:
        return context.t("announce-audience-nobody")
    await _send_as_recipients_see_it(update, context, draft, note)
    messages = messages_of(context)
    send = (
        messages.when(context.locale, draft.send)
        if draft.send
        else context.t("announce-send-immediately")
    )
    summary = context.t(
        "announce-preview", audience=audience_label(context, audience), count=count, send=send
    )
    actions = [
        (context.t("button-announce-submit"), "an:ok"),
        (context.t("button-announce-discard"), "an:no"),
    ]
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, summary, reply_markup=grid(actions, columns=2)
    )
    return None


async def _send_as_recipients_see_it(
    update: Update, context: BotContext, draft: AnnouncementDraft, note: str | None
) -> None:
    real = messages_of(context).announcement(context.locale, from_draft(draft))
    buttons = [[(label, PREVIEW_BUTTON) for label, _ in row] for row in real.buttons or []]
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    intro = context.t("announce-preview-intro")
    await context.bot.send_message(chat_id, f"{note}\n\n{intro}" if note else intro)
    await deliver(
        context.bot,
        chat_id,
        Payload(text=real.text, photo=real.photo, document=real.document, buttons=buttons),
    )
