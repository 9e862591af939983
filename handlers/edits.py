"""Edited messages: an answer already given is not changed by editing it, and the user is told.

Polling asks Telegram for messages and button presses only, but a webhook or a wider
`allowed_updates` would bring edits too; every conversation would then take an edit for a new
answer to its current question. They are stopped here, before any other handler.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, MessageHandler, filters

from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add


async def explain_edit(update: Update, context: BotContext) -> None:
    """Say that edits are not read, in a private chat, and let no other handler see the update."""
    edited = update.edited_message
    if edited is not None and edited.chat.type == ChatType.PRIVATE:
        await edited.reply_text(context.t("edit-not-read"))
    raise ApplicationHandlerStop


def register(application: BotApp) -> None:
    # Everything with a message that is not a new message: edits, channel posts, business chats.
    add(application, Group.EDITS, [MessageHandler(~filters.UpdateType.MESSAGE, explain_edit)])
