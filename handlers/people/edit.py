"""Changes to a person that need an answer first: why they are deactivated, where a PSM
moves (or a new PSM serves), which kecamatan a coordinator answers for.

Every answer is checked again by the one rule when the change is applied, so a button that
became stale or forged in between changes nothing.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
)

from bot.cases import count_open
from bot.delivery import deliver
from bot.people import ChangeRefused, reach, refresh_menu
from bot.people.buttons import Act, PersonAction, RoleChoice
from bot.people.changes import change_role, deactivate, move, set_areas
from bot.people.directory import colleagues
from bot.people.handover import ask_handover, handover_question
from bot.people.messages import Wording
from bot.runtime.answers import REASON_LENGTH, bounded_text
from bot.runtime.context import BotContext
from handlers.people.directory import refusal_key, refuse, show_person
from handlers.people.edit_flow import (
    EDIT,
    AreasDone,
    AreaTick,
    Edit,
    Kecamatan,
    Kelurahan,
    OtherKecamatan,
    PersonEdit,
    areas_keyboard,
    place_step,
)
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED
from storage.people import Role


async def begin(update: Update, context: BotContext) -> Edit | int:
    """Start a change that needs an answer, once the caller may make it to this person."""
    query, services = update.callback_query, context.services
    button = PersonAction.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    try:
        async with services.sessions() as session:
            _, person, scope = await reach(session, update.effective_user.id, button.user_id)
            if person.status != button.status:
                raise ChangeRefused("stale")
            if button.action is Act.AREAS and not scope.manages_roles:
                raise ChangeRefused("forbidden")
            areas = sorted(person.area_codes)
    except ChangeRefused as why:
        await refuse(update, context, refusal_key(why.reason))
        return ConversationHandler.END
    await query.answer()
    everywhere = [k.code for k in services.regions.kecamatan]
    draft = PersonEdit(button.user_id, button.action.value, areas=areas)
    draft.choosable = everywhere if scope.everything else sorted(scope.areas)
    first = {Act.DEACTIVATE: Edit.REASON, Act.AREAS: Edit.AREAS}
    step = first[button.action] if button.action in first else place_step(draft)
    return await EDIT.begin(update, context, draft, step)


async def choose_role(update: Update, context: BotContext) -> Edit | int:
    """Give the chosen role (admins only); someone becoming a PSM without a kelurahan is
    asked for one first."""
    query, services = update.callback_query, context.services
    button = RoleChoice.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    wording, now = Wording.of(services), services.clock.now()
    try:
        async with services.sessions.begin() as session:
            actor, person, _ = await reach(session, update.effective_user.id, button.user_id)
            if person.role != button.was:
                raise ChangeRefused("stale")
            await change_role(session, wording, actor, person, button.role, now)
    except ChangeRefused as why:
        if why.reason != "needs-kelurahan":
            await refuse(update, context, refusal_key(why.reason))
            return ConversationHandler.END
        await query.answer()
        everywhere = [k.code for k in services.regions.kecamatan]
        draft = PersonEdit(button.user_id, Act.ROLE.value, button.role.value, everywhere)
        return await EDIT.begin(update, context, draft, place_step(draft))
    await mark_chosen(update, context.t(f"role-{button.role}"))
    await refresh_menu(context, user_id=button.user_id)
    await show_person(update, context, button.user_id, context.t("person-done-role"))
    return ConversationHandler.END


async def enter_reason(update: Update, context: BotContext) -> int:
    """Deactivate with the typed reason; ask about open cases in the same transaction."""
    reason = bounded_text(typed_text(update), REASON_LENGTH, "reason")
    draft, services = EDIT.draft(context), context.services
    assert update.effective_user is not None and update.effective_chat is not None
    wording, now = Wording.of(services), services.clock.now()
    try:
        async with EDIT.finishing(context) as session:
            actor, person, _ = await reach(session, update.effective_user.id, draft.user_id)
            event = await deactivate(session, wording, actor, person, reason, now)
            count = await count_open(session, person.id)
            await ask_handover(session, wording, person, event, count, now, skip=actor)
            question = handover_question(
                wording, context.locale, person, count, await colleagues(session, person)
            )
    except ChangeRefused as why:
        return await _refused(update, context, why)
    await refresh_menu(context, user_id=draft.user_id)
    await show_person(update, context, draft.user_id, context.t("person-done-off"))
    if count:
        await deliver(context.bot, update.effective_chat.id, question)
    return ConversationHandler.END


async def choose_kecamatan(update: Update, context: BotContext) -> Edit:
    """Record the kecamatan (one the caller may pick) and offer its kelurahan."""
    code = EDIT.tapped(update, Kecamatan).code
    if code not in EDIT.draft(context).choosable:
        return await EDIT.stale_button(update, context)
    with EDIT.edit(context) as draft:
        draft.kecamatan = code
    await mark_chosen(update, context.services.regions.name_of(code))
    return await EDIT.ask(update, context, Edit.KELURAHAN)


async def back_to_kecamatan(update: Update, context: BotContext) -> Edit:
    """Pick another kecamatan."""
    await mark_chosen(update, context.t("button-other-kecamatan"))
    return await EDIT.ask(update, context, Edit.KECAMATAN)


async def choose_kelurahan(update: Update, context: BotContext) -> Edit | int:
    """Move the PSM there (or make them a PSM there), checked again as it is applied."""
    draft, services = EDIT.draft(context), context.services
    kelurahan = services.regions.get_kelurahan(EDIT.tapped(update, Kelurahan).code)
    if kelurahan is None or kelurahan.kecamatan_code != draft.kecamatan:
        return await EDIT.stale_button(update, context)
    assert update.effective_user is not None
    await mark_chosen(update, kelurahan.name)
    wording, now = Wording.of(services), services.clock.now()
    try:
        async with EDIT.finishing(context) as session:
            actor, person, _ = await reach(session, update.effective_user.id, draft.user_id)
            if draft.role is not None:
                role = Role(draft.role)
                await change_role(session, wording, actor, person, role, now, kelurahan.code)
            else:
                await move(session, wording, actor, person, kelurahan.code, now)
    except ChangeRefused as why:
        return await _refused(update, context, why)
    done = "person-done-role" if draft.role else "person-done-move"
    await refresh_menu(context, user_id=draft.user_id)
    await show_person(update, context, draft.user_id, context.t(done))
    return ConversationHandler.END


async def toggle_area(update: Update, context: BotContext) -> Edit:
    """Tick or untick one kecamatan of the coordinator."""
    code = EDIT.tapped(update, AreaTick).code
    if context.services.regions.get_kecamatan(code) is None:
        return await EDIT.stale_button(update, context)
    with EDIT.edit(context) as draft:
        chosen = code in draft.areas
        draft.areas = [c for c in draft.areas if c != code] + ([] if chosen else [code])
    return await EDIT.redraw(update, context, areas_keyboard(context, draft))


async def areas_done(update: Update, context: BotContext) -> Edit | int:
    """Give the coordinator the ticked kecamatan (at least one)."""
    draft, services = EDIT.draft(context), context.services
    assert update.callback_query is not None and update.effective_user is not None
    if not draft.areas:
        await update.callback_query.answer(context.t("people-empty"), show_alert=True)
        return Edit.AREAS
    await mark_chosen(update, ", ".join(services.regions.name_of(c) for c in sorted(draft.areas)))
    wording, now = Wording.of(services), services.clock.now()
    try:
        async with EDIT.finishing(context) as session:
            actor, person, _ = await reach(session, update.effective_user.id, draft.user_id)
            await set_areas(session, wording, actor, person, draft.areas, now)
    except ChangeRefused as why:
        return await _refused(update, context, why)
    await show_person(update, context, draft.user_id, context.t("person-done-areas"))
    return ConversationHandler.END


async def _refused(update: Update, context: BotContext, why: ChangeRefused) -> int:
    """The change was refused as it was applied: nothing changed; say why and stop."""
    await EDIT.end(context)
    assert update.effective_chat is not None
    text = context.t(refusal_key(why.reason))
    await context.bot.send_message(update.effective_chat.id, text)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Drop the change in progress; nothing was changed."""
    user_id = EDIT.draft(context).user_id
    await EDIT.end(context)
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("person-edit-cancelled"))
    await show_person(update, context, user_id)
    return ConversationHandler.END


def build_person_edit() -> ConversationHandler:  # type: ignore[type-arg]
    b = EDIT.button
    entry = [
        CallbackQueryHandler(begin, pattern=PersonAction.pattern(action=act))
        for act in (Act.DEACTIVATE, Act.MOVE, Act.AREAS)
    ]
    entry.append(CallbackQueryHandler(choose_role, pattern=RoleChoice.pattern()))
    return EDIT.conversation(
        entry_points=entry,
        states={
            Edit.REASON: [MessageHandler(TYPED, enter_reason)],
            Edit.KECAMATAN: [b(choose_kecamatan, Kecamatan)],
            Edit.KELURAHAN: [b(choose_kelurahan, Kelurahan), b(back_to_kecamatan, OtherKecamatan)],
            Edit.AREAS: [b(areas_done, AreasDone), b(toggle_area, AreaTick)],
        },
        fallbacks=[CommandHandler("batal", cancel)],
    )
