"""Who may use what: active users only, with a kind word for everyone else."""

from __future__ import annotations

from telegram import Update

from bot.people import welcome_back
from bot.runtime.context import BotContext
from storage.people import User, UserStatus


async def active_user_or_explain(update: Update, context: BotContext) -> User | None:
    """Return the caller when active; otherwise tell them what to do and return None."""
    assert update.effective_user is not None and update.effective_message is not None
    async with context.services.sessions.begin() as session:
        user = await welcome_back(session, update.effective_user.id, context.services.clock.now())
    if user is not None and user.status == UserStatus.ACTIVE:
        return user
    key = {
        None: "access-unregistered",
        UserStatus.PENDING: "access-pending",
        UserStatus.REJECTED: "access-rejected",
        UserStatus.INACTIVE: "access-inactive",
    }[user.status if user else None]  # type: ignore[index]
    await update.effective_message.reply_text(context.t(key))
    return None
