"""/profil: what the bot holds about the caller; change the name or phone, ask to move, leave.

Each change is applied in the transaction that ends the conversation; a move waits for a
coordinator, leaving asks the coordinator about open cases. Sharing a new contact outside any
conversation changes the phone too (matched by Telegram id).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.cases import count_open
from bot.people import ChangeRefused, refresh_menu
from bot.people.handover import ask_handover
from bot.people.messages import Wording
from bot.people.phone import InvalidPhone, normalize_phone
from bot.people.profile import change_phone, leave, rename, request_move
from bot.runtime.answers import BadAnswer, person_name
from bot.runtime.context import BotApp, BotContext
from handlers.access import active_user_or_explain
from handlers.groups import Group, add
from handlers.keyboards import YesNo
from handlers.people.directory import refusal_key
from handlers.people.profile_flow import (
    CHOICES,
    PROFILE,
    Item,
    Kecamatan,
    Kelurahan,
    LeaveAnswer,
    MenuChoice,
    OtherKecamatan,
    Profile,
    ProfileDraft,
    finish,
)
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED
from storage.people import Role


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
    choice = PROFILE.tapped(update, MenuChoice).item
    await mark_chosen(update, context.t(f"profile-button-{choice}"))
    if choice is Item.DONE or (choice is Item.MOVE and not PROFILE.draft(context).psm):
        return await finish(update, context, "profile-closed")
    return await PROFILE.ask(update, context, CHOICES[choice])


async def enter_name(update: Update, context: BotContext) -> int:
    """Save the new name."""
    name = person_name(typed_text(update))
    assert update.effective_user is not None
    try:
        async with PROFILE.finishing(context) as session:
            await rename(session, update.effective_user.id, name, context.services.clock.now())
    except ChangeRefused as why:
        return await finish(update, context, refusal_key(why.reason))
    return await finish(update, context, "profile-renamed", name=name)


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
        return await finish(update, context, f"phone-{why.reason}")
    return await finish(update, context, "phone-changed", phone=phone)


async def choose_kecamatan(update: Update, context: BotContext) -> Profile:
    """Record the kecamatan and offer its kelurahan."""
    kecamatan = context.services.regions.get_kecamatan(PROFILE.tapped(update, Kecamatan).code)
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
    kelurahan = services.regions.get_kelurahan(PROFILE.tapped(update, Kelurahan).code)
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
        return await finish(update, context, refusal_key(why.reason))
    return await finish(update, context, "profile-move-asked", place=kelurahan.name)


async def confirm_leave(update: Update, context: BotContext) -> int:
    """Deactivate the caller after they confirmed; the coordinator is asked about open cases."""
    if PROFILE.tapped(update, LeaveAnswer).answer is not YesNo.YES:
        await mark_chosen(update, context.t("profile-button-leave-no"))
        return await finish(update, context, "profile-closed")
    await mark_chosen(update, context.t("profile-button-leave-yes"))
    services, sender = context.services, update.effective_user
    assert sender is not None
    now = services.clock.now()
    try:
        async with PROFILE.finishing(context) as session:
            wording = Wording.of(services)
            user, event = await leave(session, wording, sender.id, now)
            count = await count_open(session, user.id)
            await ask_handover(session, wording, user, event, count, now)
    except ChangeRefused as why:
        return await finish(update, context, refusal_key(why.reason))
    await refresh_menu(context, user_id=user.id)
    return await finish(update, context, "profile-left")


async def cancel(update: Update, context: BotContext) -> int:
    """Close the profile; nothing was changed."""
    return await finish(update, context, "profile-closed")


def register(application: BotApp) -> None:
    b = PROFILE.button
    add(
        application,
        Group.PROFILE,
        [
            PROFILE.conversation(
                entry_points=[CommandHandler("profil", start)],
                states={
                    Profile.MENU: [b(choose, MenuChoice)],
                    Profile.NAME: [MessageHandler(TYPED, enter_name)],
                    Profile.PHONE: [MessageHandler(filters.CONTACT, share_phone)],
                    Profile.KECAMATAN: [b(choose_kecamatan, Kecamatan)],
                    Profile.KELURAHAN: [
                        b(choose_kelurahan, Kelurahan),
                        b(back_to_kecamatan, OtherKecamatan),
                    ],
                    Profile.LEAVE: [b(confirm_leave, LeaveAnswer)],
                },
                fallbacks=[CommandHandler("batal", cancel)],
                command="profil",
            )
        ],
    )
