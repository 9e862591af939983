"""Commands and messages outside any conversation: help, nothing to cancel, a gentle hint."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.people import commands_for, get_user
from bot.runtime.context import BotApp, BotContext
from handlers import asides
from handlers.groups import Group, add
from storage.people import Role, UserStatus


async def show_help(update: Update, context: BotContext) -> None:
    """Explain what the bot does and the commands this person may use."""
    assert update.effective_message is not None and update.effective_user is not None
    async with context.services.sessions() as session:
        user = await get_user(session, update.effective_user.id)
    # Someone not (or no longer) active may use what a PSM may, which is what they would become.
    active = user is not None and user.status == UserStatus.ACTIVE
    commands = commands_for(user.role if active and user else Role.PSM)
    lines = [context.t("help"), *(context.t(f"help-command-{name}") for name in commands)]
    await update.effective_message.reply_text("\n".join(lines))


async def nothing_to_cancel(update: Update, context: BotContext) -> None:
    """Say there is nothing in progress to cancel."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("cancel-nothing"))


async def hint(update: Update, context: BotContext) -> None:
    """Point a stray message at the commands."""
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("hint"))


async def old_button(update: Update, context: BotContext) -> None:
    """Tell the user that a button from a finished conversation no longer applies."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("wrong-stale-button-short"), show_alert=True)


def register(application: BotApp) -> None:
    asides.read_only("bantuan", show_help)
    asides.read_only("help", show_help)
    add(
        application,
        Group.COMMANDS,
        [
            CommandHandler("bantuan", show_help),
            CommandHandler("help", show_help),
            CommandHandler("batal", nothing_to_cancel),
        ],
    )
    add(
        application,
        Group.FALLBACK,
        [CallbackQueryHandler(old_button), MessageHandler(filters.ChatType.PRIVATE, hint)],
    )
