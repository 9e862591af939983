"""/start: verified phone, then roster activation or a request for a coordinator's approval."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.registration import (
    Registration,
    activate_from_roster,
    phone_taken,
    submit_application,
    welcome_back,
)
from bot.runtime.answers import BadAnswer, person_name
from bot.runtime.context import BotApp, BotContext
from handlers.keyboards import kecamatan_list, kelurahan_list
from handlers.people.approval import ask_reviewers
from handlers.replies import mark_chosen
from storage.people import UserStatus


class Signup(IntEnum):
    CONTACT = 0
    NAME = 1
    KECAMATAN = 2
    KELURAHAN = 3


Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
STATUS_TEXT = {
    UserStatus.PENDING: "access-pending",
    UserStatus.REJECTED: "access-rejected",
    UserStatus.INACTIVE: "access-inactive",
}


def _form(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    form: dict[str, Any] = context.user_data.setdefault("signup", {})
    return form


def _prompt(context: BotContext, step: Signup) -> tuple[str, Markup]:
    regions, texts = context.services.regions, context.services.texts
    if step is Signup.CONTACT:
        button = KeyboardButton(context.t("button-share-contact"), request_contact=True)
        keyboard = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
        return context.t("signup-ask-contact"), keyboard
    if step is Signup.NAME:
        return context.t("signup-ask-name"), ReplyKeyboardRemove()
    if step is Signup.KECAMATAN:
        return context.t("signup-ask-kecamatan"), kecamatan_list(regions, "s")
    kecamatan = regions.get_kecamatan(_form(context).get("kecamatan", ""))
    assert kecamatan is not None, "the kecamatan step comes first"
    return context.t("signup-ask-kelurahan"), kelurahan_list(texts, context.locale, kecamatan, "s")


async def _ask(update: Update, context: BotContext, step: Signup, note: str = "") -> Signup:
    """Ask one registration question (after an optional note) and remember where we are."""
    _form(context)["step"] = int(step)
    text, markup = _prompt(context, step)
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, f"{note}\n\n{text}" if note else text, reply_markup=markup
    )
    return step


async def start(update: Update, context: BotContext) -> Signup | int:
    """Greet a known user, or begin registration with their Telegram-verified phone."""
    assert update.effective_user is not None and update.message is not None
    async with context.services.sessions.begin() as session:
        user = await welcome_back(session, update.effective_user.id, context.services.clock.now())
    if user is not None and user.status == UserStatus.ACTIVE:
        await update.message.reply_text(context.t(f"welcome-{user.role}", name=user.full_name))
        return _end(context)
    if user is not None and user.status in STATUS_TEXT:
        await update.message.reply_text(context.t(STATUS_TEXT[UserStatus(user.status)]))
        return _end(context)
    return await _ask(update, context, Signup.CONTACT, context.t("signup-welcome"))


async def receive_contact(update: Update, context: BotContext) -> Signup | int:
    """Accept only the sender's own contact; activate from the roster when it matches."""
    message, sender = update.message, update.effective_user
    assert message is not None and message.contact is not None and sender is not None
    if message.contact.user_id != sender.id:
        return await _ask(update, context, Signup.CONTACT, context.t("signup-contact-not-own"))
    try:
        phone = normalize_phone(message.contact.phone_number)
    except InvalidPhone:
        return await _ask(update, context, Signup.CONTACT, context.t("signup-contact-invalid"))
    async with context.services.sessions.begin() as session:
        if await phone_taken(session, sender.id, phone):
            await message.reply_text(
                context.t("signup-phone-taken"), reply_markup=ReplyKeyboardRemove()
            )
            return _end(context)
        user = await activate_from_roster(session, sender.id, phone, context.locale)
    if user is None:
        _form(context)["phone"] = phone
        return await _ask(update, context, Signup.NAME)
    place = context.services.regions.name_of(
        user.kelurahan_code or min(user.area_codes, default=None)
    )
    text = context.t(f"signup-activated-{user.role}", name=user.full_name, place=place)
    await message.reply_text(text, reply_markup=ReplyKeyboardRemove())
    return _end(context)


def _end(context: BotContext) -> int:
    """End the registration and forget its answers (the phone among them)."""
    assert context.user_data is not None
    context.user_data.pop("signup", None)
    return ConversationHandler.END


async def receive_name(update: Update, context: BotContext) -> Signup:
    """Record the applicant's name and ask their kecamatan."""
    assert update.message is not None and update.message.text is not None
    try:
        _form(context)["name"] = person_name(update.message.text)
    except BadAnswer as bad:
        return await _ask(update, context, Signup.NAME, context.t(bad.key, **bad.args_))
    return await _ask(update, context, Signup.KECAMATAN)


async def choose_kecamatan(update: Update, context: BotContext) -> Signup:
    """Record the kecamatan and offer its kelurahan."""
    assert update.callback_query is not None and update.callback_query.data is not None
    kecamatan = context.services.regions.get_kecamatan(
        update.callback_query.data.rsplit(":", 1)[-1]
    )
    if kecamatan is None:
        return await _ask(update, context, Signup.KECAMATAN, context.t("wrong-stale-button"))
    await mark_chosen(update, kecamatan.name)
    _form(context)["kecamatan"] = kecamatan.code
    return await _ask(update, context, Signup.KELURAHAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Signup:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await _ask(update, context, Signup.KECAMATAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Signup | int:
    """Queue the registration and send it to the reviewers."""
    assert update.callback_query is not None and update.callback_query.data is not None
    form, sender = _form(context), update.effective_user
    kelurahan = context.services.regions.get_kelurahan(
        update.callback_query.data.rsplit(":", 1)[-1]
    )
    if kelurahan is None or kelurahan.kecamatan_code != form.get("kecamatan") or sender is None:
        return await _ask(update, context, Signup.KELURAHAN, context.t("wrong-stale-button"))
    await mark_chosen(update, kelurahan.name)
    registration = Registration(
        sender.id, form["phone"], form["name"], kelurahan.code, context.locale
    )
    async with context.services.sessions.begin() as session:
        applicant = await submit_application(session, registration)
    await context.bot.send_message(sender.id, context.t("signup-pending"))
    await ask_reviewers(context, applicant)
    return _end(context)


async def wrong_input(update: Update, context: BotContext) -> Signup:
    """Explain what this registration step needs and ask it again."""
    step = Signup(_form(context).get("step", Signup.CONTACT))
    if update.callback_query:
        await update.callback_query.answer(context.t("wrong-stale-button-short"))
    if step is Signup.CONTACT:
        note = context.t("signup-need-contact")
    else:
        note = context.t("wrong-need-text" if step is Signup.NAME else "wrong-need-button")
    return await _ask(update, context, step, note)


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
