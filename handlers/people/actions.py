"""One-tap changes from a person's page, handovers, and decisions on move requests."""

from __future__ import annotations

from telegram import Update

from bot.cases import count_open, hand_over
from bot.people import ChangeRefused, reach, refresh_menu
from bot.people.buttons import Act, Handover, MoveDecision, PersonAction, RoleChoice, Verdict
from bot.people.changes import reactivate
from bot.people.handover import keep_cases
from bot.people.messages import Wording
from bot.people.profile import decide_move
from bot.runtime.context import BotContext
from handlers.keyboards import grid
from handlers.people.directory import refusal_key, refuse, show_person
from handlers.replies import mark_chosen
from storage.people import Role


async def refused(update: Update, context: BotContext, why: ChangeRefused) -> None:
    """Answer a refused change with why, as an alert on the button."""
    await refuse(update, context, refusal_key(why.reason))


async def one_tap(update: Update, context: BotContext) -> None:
    """Reactivate a person, or offer the roles an admin may give them."""
    query, services = update.callback_query, context.services
    button = PersonAction.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    try:
        async with services.sessions.begin() as session:
            actor, person, scope = await reach(session, update.effective_user.id, button.user_id)
            if person.status != button.status:
                raise ChangeRefused("stale")
            if button.action is Act.REACTIVATE:
                now = services.clock.now()
                await reactivate(session, Wording.of(services), actor, person, now)
            elif not scope.manages_roles:
                raise ChangeRefused("forbidden")
            role = Role(person.role)
    except ChangeRefused as why:
        await refused(update, context, why)
        return
    await query.answer()
    if button.action is Act.REACTIVATE:
        await refresh_menu(context, user_id=button.user_id)
        await show_person(update, context, button.user_id, context.t("person-done-on"))
        return
    choices = [
        (context.t(f"role-{r}"), RoleChoice(button.user_id, r, role).encode())
        for r in Role
        if r is not role
    ]
    await query.edit_message_reply_markup(grid(choices))


async def hand_over_cases(update: Update, context: BotContext) -> None:
    """Give a departed PSM's open cases to a colleague, or keep them with the coordinator."""
    query, services = update.callback_query, context.services
    button = Handover.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    now = services.clock.now()
    try:
        async with services.sessions.begin() as session:
            if button.to_id is None:
                count = await count_open(session, button.user_id)
                person = await keep_cases(
                    session, update.effective_user.id, button.user_id, count, now
                )
                note = context.t("handover-kept", name=person.full_name, count=count)
            else:
                person, heir, numbers = await hand_over(
                    session, services, update.effective_user.id, button.user_id, button.to_id, now
                )
                note = context.t("handover-done", name=heir.full_name, numbers=", ".join(numbers))
    except ChangeRefused as why:
        await refused(update, context, why)
        return
    await query.answer()
    await query.edit_message_text(note)


async def decide_move_request(update: Update, context: BotContext) -> None:
    """Approve or refuse a PSM's request to move; the PSM is told either way."""
    query, services = update.callback_query, context.services
    button = MoveDecision.decode(query.data if query else None)
    assert query is not None and button is not None and update.effective_user is not None
    approve = button.verdict is Verdict.APPROVE
    try:
        async with services.sessions.begin() as session:
            person, _ = await decide_move(
                session,
                Wording.of(services),
                update.effective_user.id,
                button.request_id,
                approve,
                services.clock.now(),
            )
    except ChangeRefused as why:
        await refused(update, context, why)
        return
    key = "move-approved" if approve else "move-rejected"
    await mark_chosen(update, context.t(key, name=person.full_name))
