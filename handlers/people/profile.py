"""/profil: what the bot holds about the caller; change the name or phone, ask to move, leave.

Each change is applied in the transaction that ends the conversation; a move waits for a
coordinator, leaving asks the coordinator about open cases. Sharing a new contact outside any
conversation changes the phone too (matched by Telegram id).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.cases import count_open
from bot.people import ChangeRefused
from bot.people.handover import ask_handover
from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.profile import change_phone, leave, rename, request_move
from bot.people.wording import Wording
from bot.runtime.answers import BadAnswer, person_name
from bot.runtime.context import BotApp, BotContext
from handlers.access import active_user_or_explain
from handlers.keyboards import grid, kecamatan_list, kelurahan_list
from handlers.people.directory import refusal_key
from handlers.replies import mark_chosen
from handlers.wizard import TYPED, Markup, Texts, Wizard, typed_text
from storage.people import Role


class Profile(IntEnum):
    MENU = 0
    NAME = 1
    PHONE = 2
    KECAMATAN = 3
    KELURAHAN = 4
    LEAVE = 5


@dataclass
class ProfileDraft:
    summary: str = ""
    psm: bool = False
    kecamatan: str | None = None


def _menu(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    keys = ["name", "phone", *(["move"] if d.psm else []), "leave", "done"]
    buttons = [(c.t(f"profile-button-{key}"), PROFILE.data("do", key)) for key in keys]
    return f"{d.summary}\n\n{c.t('profile-ask-menu')}", grid(buttons, columns=2)


def _phone(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    button = KeyboardButton(c.t("button-share-contact"), request_contact=True)
    keyboard = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    return c.t("profile-ask-phone"), keyboard


def _kelurahan(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan is chosen first"
    return c.t("profile-ask-kelurahan"), kelurahan_list(
        c.services.texts, c.locale, kecamatan, PROFILE.data
    )


def _leave(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    buttons = [
        (c.t("profile-button-leave-yes"), PROFILE.data("leave", "yes")),
        (c.t("profile-button-leave-no"), PROFILE.data("leave", "no")),
    ]
    return c.t("profile-ask-leave"), grid(buttons, columns=2)


PROFILE: Wizard[Profile, ProfileDraft] = Wizard(
    name="profile",
    prefix="pf",
    steps=Profile,
    draft=ProfileDraft,
    texts=Texts(
        command="profile-command",
        resume="profile-command",
        needs={Profile.NAME: "wrong-need-text", Profile.PHONE: "profile-need-contact"},
    ),
    prompts={
        Profile.MENU: _menu,
        Profile.NAME: lambda c, d: (c.t("profile-ask-name"), None),
        Profile.PHONE: _phone,
        Profile.KECAMATAN: lambda c, d: (
            c.t("profile-ask-kecamatan"),
            kecamatan_list(c.services.regions, PROFILE.data),
        ),
        Profile.KELURAHAN: _kelurahan,
        Profile.LEAVE: _leave,
    },
    follows=lambda done, d: Profile(done + 1),
)
CHOICES = {
    "name": Profile.NAME,
    "phone": Profile.PHONE,
    "move": Profile.KECAMATAN,
    "leave": Profile.LEAVE,
}


async def start(update: Update, context: BotContext) -> Profile | int:
    """Show what the bot holds about the caller and what they can change."""
    user = await active_user_or_explain(update, context)
    if user is None:
        return ConversationHandler.END
    wording = Wording.of(context.services)
    summary = context.t(
        "profile-summary",
        name=user.full_name,
        phone=user.phone or "-",
        place=wording.place(user),
        role=context.t(f"role-{user.role}"),
        language=context.t("language-name"),
    )
    draft = ProfileDraft(summary=summary, psm=user.role == Role.PSM)
    return await PROFILE.begin(update, context, draft, Profile.MENU)


async def choose(update: Update, context: BotContext) -> Profile | int:
    """Go to the chosen change, or finish."""
    choice = PROFILE.value(update)
    await mark_chosen(update, context.t(f"profile-button-{choice}"))
    if choice == "done" or (choice == "move" and not PROFILE.draft(context).psm):
        return await _finish(update, context, "profile-closed")
    return await PROFILE.ask(update, context, CHOICES[choice])


async def enter_name(update: Update, context: BotContext) -> int:
    """Save the new name."""
    name = person_name(typed_text(update))
    assert update.effective_user is not None
    try:
        async with PROFILE.finishing(context) as session:
            await rename(session, update.effective_user.id, name, context.services.clock.now())
    except ChangeRefused as why:
        return await _finish(update, context, refusal_key(why.reason))
    return await _finish(update, context, "profile-renamed", name=name)


async def share_phone(update: Update, context: BotContext) -> int:
    """Save the newly shared own number."""
    message, sender = update.message, update.effective_user
    assert message is not None and message.contact is not None and sender is not None
    if message.contact.user_id != sender.id:
        raise BadAnswer("signup-contact-not-own")
    try:
        phone = normalize_phone(message.contact.phone_number)
    except InvalidPhone:
        raise BadAnswer("signup-contact-invalid") from None
    try:
        async with PROFILE.finishing(context) as session:
            await change_phone(session, sender.id, phone, context.services.clock.now())
    except ChangeRefused as why:
        return await _finish(update, context, f"phone-{why.reason}")
    return await _finish(update, context, "phone-changed", phone=phone)


async def choose_kecamatan(update: Update, context: BotContext) -> Profile:
    """Record the kecamatan and offer its kelurahan."""
    kecamatan = context.services.regions.get_kecamatan(PROFILE.value(update))
    if kecamatan is None:
        return await PROFILE.stale_button(update, context)
    with PROFILE.edit(context) as draft:
        draft.kecamatan = kecamatan.code
    await mark_chosen(update, kecamatan.name)
    return await PROFILE.ask(update, context, Profile.KELURAHAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Profile:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await PROFILE.ask(update, context, Profile.KECAMATAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Profile | int:
    """Ask the coordinator to approve the move."""
    draft, services = PROFILE.draft(context), context.services
    kelurahan = services.regions.get_kelurahan(PROFILE.value(update))
    if kelurahan is None or kelurahan.kecamatan_code != draft.kecamatan:
        return await PROFILE.stale_button(update, context)
    assert update.effective_user is not None
    await mark_chosen(update, kelurahan.name)
    try:
        async with PROFILE.finishing(context) as session:
            await request_move(
                session, Wording.of(services), update.effective_user.id, kelurahan.code,
                services.clock.now(),
            )  # fmt: skip
    except ChangeRefused as why:
        return await _finish(update, context, refusal_key(why.reason))
    return await _finish(update, context, "profile-move-asked", place=kelurahan.name)


async def confirm_leave(update: Update, context: BotContext) -> int:
    """Deactivate the caller after they confirmed; the coordinator is asked about open cases."""
    if PROFILE.value(update) != "yes":
        await mark_chosen(update, context.t("profile-button-leave-no"))
        return await _finish(update, context, "profile-closed")
    await mark_chosen(update, context.t("profile-button-leave-yes"))
    services, sender = context.services, update.effective_user
    assert sender is not None
    now = services.clock.now()
    try:
        async with PROFILE.finishing(context) as session:
            user, event = await leave(session, sender.id, now)
            count = await count_open(session, user.id)
            await ask_handover(session, Wording.of(services), user, event, count, now)
    except ChangeRefused as why:
        return await _finish(update, context, refusal_key(why.reason))
    return await _finish(update, context, "profile-left")


async def _finish(update: Update, context: BotContext, key: str, **args: object) -> int:
    if PROFILE.active(context):
        await PROFILE.end(context)
    assert update.effective_chat is not None
    text = context.t(key, **args)
    await context.bot.send_message(
        update.effective_chat.id, text, reply_markup=ReplyKeyboardRemove()
    )
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Close the profile; nothing was changed."""
    return await _finish(update, context, "profile-closed")


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
    b = PROFILE.button
    application.add_handler(
        PROFILE.conversation(
            entry_points=[CommandHandler("profil", start)],
            states={
                Profile.MENU: [b(choose, "do", "name|phone|move|leave|done")],
                Profile.NAME: [MessageHandler(TYPED, enter_name)],
                Profile.PHONE: [MessageHandler(filters.CONTACT, share_phone)],
                Profile.KECAMATAN: [b(choose_kecamatan, "kec", r"\d+")],
                Profile.KELURAHAN: [
                    b(choose_kelurahan, "kel", r"\d+"),
                    b(back_to_kecamatan, "back"),
                ],
                Profile.LEAVE: [b(confirm_leave, "leave", "yes|no")],
            },
            fallbacks=[CommandHandler("batal", cancel)],
            command="profil",
        )
    )


def register_contact(application: BotApp) -> None:
    """After every conversation that asks for a contact, before the catch-all hint."""
    application.add_handler(MessageHandler(filters.CONTACT, new_contact))
