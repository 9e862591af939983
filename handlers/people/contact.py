"""A registered user shares their new contact outside any conversation: their phone changes."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import MessageHandler, filters

from bot.people import ChangeRefused
from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.profile import change_phone
from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add


async def new_contact(update: Update, context: BotContext) -> None:
    """A registered user shared their own new number outside any conversation: save it."""
    message, sender = update.message, update.effective_user
    assert message is not None and message.contact is not None and sender is not None
    if message.contact.user_id != sender.id:
        await message.reply_text(context.t("signup-contact-not-own"))
        return
    try:
        phone = normalize_phone(message.contact.phone_number)
        async with context.services.sessions.begin() as session:
            user = await change_phone(session, sender.id, phone, context.services.clock.now())
    except InvalidPhone:
        await message.reply_text(context.t("signup-contact-invalid"))
        return
    except ChangeRefused as why:
        await message.reply_text(context.t(f"phone-{why.reason}"))
        return
    key = "phone-changed" if user is not None else "access-unregistered"
    await message.reply_text(context.t(key, phone=phone), reply_markup=ReplyKeyboardRemove())


def register(application: BotApp) -> None:
    """After every conversation that asks for a contact, before the catch-all hint."""
    add(application, Group.COMMANDS, [MessageHandler(filters.CONTACT, new_contact)])
