"""/start: verified phone, then roster activation or a request for a coordinator's approval."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.people.notices import ask_reviewers
from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.registration import (
    Registration,
    activate_from_roster,
    phone_taken,
    submit_application,
    welcome_back,
)
from bot.runtime.answers import BadAnswer, person_name
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotApp, BotContext
from handlers.groups import Group, add
from handlers.keyboards import kecamatan_list, kelurahan_list
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED, Markup, Texts, Wizard
from storage.people import UserStatus


class Signup(IntEnum):
    CONTACT = 0
    NAME = 1
    KECAMATAN = 2
    KELURAHAN = 3


@dataclass(frozen=True)
class Kecamatan(Callback, prefix="s:kec"):
    code: str


@dataclass(frozen=True)
class Kelurahan(Callback, prefix="s:kel"):
    code: str


@dataclass(frozen=True)
class OtherKecamatan(Callback, prefix="s:back"):
    pass


@dataclass
class Applicant:
    phone: str | None = None
    name: str | None = None
    kecamatan: str | None = None


STATUS_TEXT = {
    UserStatus.PENDING: "access-pending",
    UserStatus.REJECTED: "access-rejected",
    UserStatus.INACTIVE: "access-inactive",
}


def _contact(c: BotContext, d: Applicant) -> tuple[str, Markup]:
    button = KeyboardButton(c.t("button-share-contact"), request_contact=True)
    keyboard = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    return c.t("signup-ask-contact"), keyboard


def _kelurahan(c: BotContext, d: Applicant) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan step comes first"
    keyboard = kelurahan_list(c.services.texts, c.locale, kecamatan, Kelurahan, OtherKecamatan())
    return c.t("signup-ask-kelurahan"), keyboard


SIGNUP: Wizard[Signup, Applicant] = Wizard(
    name="signup",
    steps=Signup,
    draft=Applicant,
    texts=Texts(
        command="signup-need-contact",
        resume="signup-need-contact",
        needs={Signup.CONTACT: "signup-need-contact", Signup.NAME: "wrong-need-text"},
    ),
    prompts={
        Signup.CONTACT: _contact,
        Signup.NAME: lambda c, d: (c.t("signup-ask-name"), ReplyKeyboardRemove()),
        Signup.KECAMATAN: lambda c, d: (
            c.t("signup-ask-kecamatan"),
            kecamatan_list(c.services.regions, Kecamatan),
        ),
        Signup.KELURAHAN: _kelurahan,
    },
    follows=lambda done, d: Signup(done + 1),
)


async def start(update: Update, context: BotContext) -> Signup | int:
    """Greet a known user, or begin registration with their Telegram-verified phone."""
    assert update.effective_user is not None and update.message is not None
    async with context.services.sessions.begin() as session:
        user = await welcome_back(session, update.effective_user.id, context.services.clock.now())
    if user is not None and user.status == UserStatus.ACTIVE:
        await update.message.reply_text(context.t(f"welcome-{user.role}", name=user.full_name))
        return ConversationHandler.END
    if user is not None and user.status in STATUS_TEXT:
        await update.message.reply_text(context.t(STATUS_TEXT[UserStatus(user.status)]))
        return ConversationHandler.END
    welcome = context.t("signup-welcome")
    return await SIGNUP.begin(update, context, Applicant(), Signup.CONTACT, welcome)


async def restart(update: Update, context: BotContext) -> Signup | int:
    """Begin again from the phone when /start comes mid-registration."""
    await SIGNUP.end(context)
    return await start(update, context)


async def receive_contact(update: Update, context: BotContext) -> Signup | int:
    """Accept only the sender's own contact; activate from the roster when it matches."""
    message, sender = update.message, update.effective_user
    assert message is not None and message.contact is not None and sender is not None
    if message.contact.user_id != sender.id:
        raise BadAnswer("signup-contact-not-own")
    try:
        phone = normalize_phone(message.contact.phone_number)
    except InvalidPhone:
        raise BadAnswer("signup-contact-invalid") from None
    now = context.services.clock.now()
    async with SIGNUP.finishing(context) as session:
        taken = await phone_taken(session, sender.id, phone)
        user = None
        if not taken:
            user = await activate_from_roster(session, sender.id, phone, context.locale, now)
        if user is None and not taken:
            SIGNUP.keep(context)
    if taken:
        text, markup = context.t("signup-phone-taken"), ReplyKeyboardRemove()
        await message.reply_text(text, reply_markup=markup)
        return ConversationHandler.END
    if user is None:
        with SIGNUP.edit(context) as draft:
            draft.phone = phone
        return await SIGNUP.proceed(update, context, Signup.CONTACT)
    place = context.services.regions.name_of(
        user.kelurahan_code or min(user.area_codes, default=None)
    )
    text = context.t(f"signup-activated-{user.role}", name=user.full_name, place=place)
    await message.reply_text(text, reply_markup=ReplyKeyboardRemove())
    return ConversationHandler.END


async def receive_name(update: Update, context: BotContext) -> Signup:
    """Record the applicant's name and ask their kecamatan."""
    with SIGNUP.edit(context) as draft:
        draft.name = person_name(typed_text(update))
    return await SIGNUP.proceed(update, context, Signup.NAME)


async def choose_kecamatan(update: Update, context: BotContext) -> Signup:
    """Record the kecamatan and offer its kelurahan."""
    kecamatan = context.services.regions.get_kecamatan(SIGNUP.tapped(update, Kecamatan).code)
    if kecamatan is None:
        return await SIGNUP.stale_button(update, context)
    with SIGNUP.edit(context) as draft:
        draft.kecamatan = kecamatan.code
    await mark_chosen(update, kecamatan.name)
    return await SIGNUP.proceed(update, context, Signup.KECAMATAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Signup:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await SIGNUP.ask(update, context, Signup.KECAMATAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Signup | int:
    """Register the applicant and queue the request for their reviewers, in one transaction."""
    draft, sender = SIGNUP.draft(context), update.effective_user
    kelurahan = context.services.regions.get_kelurahan(SIGNUP.tapped(update, Kelurahan).code)
    if kelurahan is None or kelurahan.kecamatan_code != draft.kecamatan or sender is None:
        return await SIGNUP.stale_button(update, context)
    assert draft.phone is not None and draft.name is not None
    await mark_chosen(update, kelurahan.name)
    form = Registration(sender.id, draft.phone, draft.name, kelurahan.code, context.locale)
    async with SIGNUP.finishing(context) as session:
        now = context.services.clock.now()
        applicant = await submit_application(session, form, now)
        await ask_reviewers(session, context.services, applicant, now)
    await context.bot.send_message(sender.id, context.t("signup-pending"))
    return ConversationHandler.END


def register(application: BotApp) -> None:
    b = SIGNUP.button
    add(
        application,
        Group.SIGNUP,
        [
            SIGNUP.conversation(
                entry_points=[CommandHandler("start", start)],
                states={
                    Signup.CONTACT: [MessageHandler(filters.CONTACT, receive_contact)],
                    Signup.NAME: [MessageHandler(TYPED, receive_name)],
                    Signup.KECAMATAN: [b(choose_kecamatan, Kecamatan)],
                    Signup.KELURAHAN: [
                        b(choose_kelurahan, Kelurahan),
                        b(back_to_kecamatan, OtherKecamatan),
                    ],
                },
                fallbacks=[CommandHandler("start", restart)],
                catch_commands=False,
            )
        ],
    )
