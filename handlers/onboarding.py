"""/start: verified phone, then roster activation or a request for a coordinator's approval."""

from __future__ import annotations

from enum import IntEnum

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.answers import BadAnswer, person_name
from bot.context import BotApp, BotContext
from bot.people import Registration, activate_from_roster, get_user, phone_taken, submit_application
from bot.phone import InvalidPhone, normalize_phone
from handlers.approval import ask_reviewers
from handlers.keyboards import kecamatan_list, kelurahan_list
from handlers.replies import mark_chosen
from storage.models import UserStatus


class Signup(IntEnum):
    CONTACT = 0
    NAME = 1
    KECAMATAN = 2
    KELURAHAN = 3


STATUS_TEXT = {
    UserStatus.PENDING: "access-pending",
    UserStatus.REJECTED: "access-rejected",
    UserStatus.INACTIVE: "access-inactive",
}


def _form(context: BotContext) -> dict[str, str]:
    assert context.user_data is not None
    form: dict[str, str] = context.user_data.setdefault("signup", {})
    return form


async def _ask_contact(update: Update, context: BotContext, note: str = "") -> Signup:
    button = KeyboardButton(context.t("button-share-contact"), request_contact=True)
    keyboard = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        note + context.t("signup-ask-contact"), reply_markup=keyboard
    )
    return Signup.CONTACT


async def start(update: Update, context: BotContext) -> Signup | int:
    """Greet a known user, or begin registration with their Telegram-verified phone."""
    assert update.effective_user is not None and update.message is not None
    async with context.services.sessions() as session:
        user = await get_user(session, update.effective_user.id)
    if user is not None and user.status == UserStatus.ACTIVE:
        await update.message.reply_text(context.t(f"welcome-{user.role}", name=user.full_name))
        return ConversationHandler.END
    if user is not None and user.status in STATUS_TEXT:
        await update.message.reply_text(context.t(STATUS_TEXT[UserStatus(user.status)]))
        return ConversationHandler.END
    return await _ask_contact(update, context, context.t("signup-welcome") + "\n\n")


async def receive_contact(update: Update, context: BotContext) -> Signup | int:
    """Accept only the sender's own contact; activate from the roster when it matches."""
    message, sender = update.message, update.effective_user
    assert message is not None and message.contact is not None and sender is not None
    if message.contact.user_id != sender.id:
        return await _ask_contact(update, context, context.t("signup-contact-not-own") + "\n\n")
    try:
        phone = normalize_phone(message.contact.phone_number)
    except InvalidPhone:
        return await _ask_contact(update, context, context.t("signup-contact-invalid") + "\n\n")
    async with context.services.sessions.begin() as session:
        if await phone_taken(session, sender.id, phone):
            await message.reply_text(
                context.t("signup-phone-taken"), reply_markup=ReplyKeyboardRemove()
            )
            return ConversationHandler.END
        user = await activate_from_roster(session, sender.id, phone, context.locale)
    if user is not None:
        place = context.services.regions.name_of(
            user.kelurahan_code or next(iter(user.area_codes), None)
        )
        text = context.t(f"signup-activated-{user.role}", name=user.full_name, place=place)
        await message.reply_text(text, reply_markup=ReplyKeyboardRemove())
        return ConversationHandler.END
    _form(context)["phone"] = phone
    await message.reply_text(context.t("signup-ask-name"), reply_markup=ReplyKeyboardRemove())
    return Signup.NAME


async def receive_name(update: Update, context: BotContext) -> Signup:
    """Record the applicant's name and ask their kecamatan."""
    assert update.message is not None and update.message.text is not None
    try:
        _form(context)["name"] = person_name(update.message.text)
    except BadAnswer as bad:
        await update.message.reply_text(
            context.t(bad.key, **bad.args_) + "\n\n" + context.t("signup-ask-name")
        )
        return Signup.NAME
    keyboard = kecamatan_list(context.services.regions, "s")
    await update.message.reply_text(context.t("signup-ask-kecamatan"), reply_markup=keyboard)
    return Signup.KECAMATAN


async def choose_kecamatan(update: Update, context: BotContext) -> Signup:
    """Record the kecamatan and offer its kelurahan."""
    assert update.callback_query is not None and update.callback_query.data is not None
    kecamatan = context.services.regions.get_kecamatan(
        update.callback_query.data.rsplit(":", 1)[-1]
    )
    if kecamatan is None:
        return Signup.KECAMATAN
    await mark_chosen(update, kecamatan.name)
    _form(context)["kecamatan"] = kecamatan.code
    keyboard = kelurahan_list(context.services.texts, context.locale, kecamatan, "s")
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("signup-ask-kelurahan"), reply_markup=keyboard
    )
    return Signup.KELURAHAN


async def back_to_kecamatan(update: Update, context: BotContext) -> Signup:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    assert update.effective_chat is not None
    keyboard = kecamatan_list(context.services.regions, "s")
    await context.bot.send_message(
        update.effective_chat.id, context.t("signup-ask-kecamatan"), reply_markup=keyboard
    )
    return Signup.KECAMATAN


async def choose_kelurahan(update: Update, context: BotContext) -> Signup | int:
    """Queue the registration and send it to the reviewers."""
    assert update.callback_query is not None and update.callback_query.data is not None
    form, sender = _form(context), update.effective_user
    kelurahan = context.services.regions.get_kelurahan(
        update.callback_query.data.rsplit(":", 1)[-1]
    )
    if kelurahan is None or kelurahan.kecamatan_code != form.get("kecamatan") or sender is None:
        return Signup.KELURAHAN
    await mark_chosen(update, kelurahan.name)
    registration = Registration(
        sender.id, form["phone"], form["name"], kelurahan.code, context.locale
    )
    async with context.services.sessions.begin() as session:
        applicant = await submit_application(session, registration)
    assert context.user_data is not None
    context.user_data.pop("signup", None)
    await context.bot.send_message(sender.id, context.t("signup-pending"))
    await ask_reviewers(context, applicant)
    return ConversationHandler.END


async def wrong_input(update: Update, context: BotContext) -> None:
    """Explain what registration needs right now; the conversation stays where it was."""
    assert update.effective_message is not None
    if update.callback_query:
        await update.callback_query.answer(context.t("wrong-stale-button-short"))
        return
    await update.effective_message.reply_text(context.t("signup-wrong-input"))


def register(application: BotApp) -> None:
    application.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("start", start)],
            states={
                Signup.CONTACT: [MessageHandler(filters.CONTACT, receive_contact)],
                Signup.NAME: [MessageHandler(filters.TEXT & ~filters.COMMAND, receive_name)],
                Signup.KECAMATAN: [CallbackQueryHandler(choose_kecamatan, pattern=r"^s:kec:\d+$")],
                Signup.KELURAHAN: [
                    CallbackQueryHandler(choose_kelurahan, pattern=r"^s:kel:\d+$"),
                    CallbackQueryHandler(back_to_kecamatan, pattern="^s:back$"),
                ],
            },
            fallbacks=[
                CommandHandler("start", start),
                CallbackQueryHandler(wrong_input, pattern="^s:"),
                MessageHandler(filters.ALL & ~filters.COMMAND, wrong_input),
            ],
            name="signup",
            persistent=True,
        )
    )
