"""Small reply helpers shared by the conversations."""

from __future__ import annotations

import contextlib
import html
import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError

from bot.delivery import Audience
from bot.runtime.context import BotContext

_log = logging.getLogger(__name__)


def audience_label(context: BotContext, audience: Audience) -> str:
    """Name an audience the way the author chose it."""
    if audience.coordinators:
        return context.t("audience-coordinators")
    if audience.everyone:
        return context.t("audience-all")
    names = ", ".join(context.services.regions.name_of(code) for code in audience.kecamatan)
    return context.t("audience-kecamatan", names=names)


async def mark_chosen(update: Update, label: str) -> None:
    """Answer a button press and fold the keyboard into the choice, so it cannot be reused."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    await fold_into_choice(query, label)


async def fold_into_choice(query: CallbackQuery, label: str) -> None:
    """Replace the answered message's keyboard by the choice, for a button already answered."""
    message = query.message
    if not isinstance(message, Message) or message.text is None:
        return
    if message.from_user is not None and not message.from_user.is_bot:
        return  # a label typed instead of tapped (handlers/typed_choices.py) shows the choice
    # The prompt may be too old to edit; the choice itself is recorded either way.
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(f"{message.text_html}\n<b>➜ {html.escape(label)}</b>")


async def show_in_place(
    update: Update, context: BotContext, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Put `text` in the tapped message; unchanged, leave it; not editable, send it anew."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    shown = query.message
    if isinstance(shown, Message) and (shown.text_html, shown.reply_markup) == (text, markup):
        return  # Telegram refuses an edit that changes nothing
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as refused:
        if "not modified" in refused.message:
            return
        # A photo's caption cannot become a text, nor can a message too old to edit.
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


def typed_text(update: Update) -> str:
    """The text of the message being handled (the step's filter guarantees one)."""
    assert update.message is not None and update.message.text is not None
    return update.message.text


async def remove_from_chat(message: Message | None) -> None:
    """Delete the user's message that held a NIK, so that it does not stay in the chat.

    Telegram may refuse (the message is gone already, the network fails): what it said has
    been read and kept either way, so nothing else may fail because of it.
    """
    if message is None:
        return
    try:
        await message.delete()
    except TelegramError as error:
        _log.warning(
            "could not delete message %s in chat %s: %s",
            message.message_id,
            message.chat_id,
            type(error).__name__,
        )
