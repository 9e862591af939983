"""Apply a lifecycle action from a button or a typed answer, then tell the other side."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Update
from telegram.error import TelegramError

from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition
from bot.cases.work import Change, act, open_case, refer
from bot.people.directory import reviewers_for
from bot.runtime.context import BotContext
from handlers.cases.render import event_detail
from handlers.cases.view import refuse, show_case
from handlers.keyboards import grid
from storage.people import User

_log = logging.getLogger(__name__)


class StaleButton(Exception):
    """The case changed since the button was drawn."""


async def apply(
    update: Update,
    context: BotContext,
    case_id: int,
    action: Action,
    expected_status: str | None = None,
    *,
    note: str | None = None,
    photos: Sequence[tuple[str, str]] = (),
    sectors: Sequence[str] = (),
    kind: str | None = None,
) -> bool:
    """Change the case in one transaction; refuse forged or stale requests politely."""
    assert update.effective_user is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            actor, case = await open_case(
                session, update.effective_user.id, case_id, action, lock=True
            )
            if expected_status is not None and case.status != expected_status:
                raise StaleButton
            now = services.clock.now()
            if action is Action.REFER:
                change = await refer(session, actor, case, sectors, note, services.settings, now)
            else:
                change = await act(
                    session, actor, case, action, services.settings, now, note, photos, kind
                )
    except AccessDenied:
        await refuse(update, context)
        return False
    except (StaleButton, IllegalTransition):
        if update.callback_query:
            await update.callback_query.answer(context.t("case-changed"), show_alert=True)
        await show_case(update, context, case_id, context.t("case-changed"))
        return False
    if update.callback_query:
        await update.callback_query.answer(context.t("case-updated-short"))
    await tell_other_side(context, change)
    await show_case(update, context, case_id, context.t("case-updated"))
    return True


async def tell_other_side(context: BotContext, change: Change) -> None:
    """Tell the reporter of coordinators' changes, and the coordinators of the reporter's."""
    services, case = context.services, change.case
    async with services.sessions() as session:
        if change.actor.id == case.reporter_id:
            recipients = await reviewers_for(session, case.kecamatan_code)
        else:
            reporter = await session.get(User, case.reporter_id)
            recipients = [reporter] if reporter else []
    for user in recipients:
        locale = user.locale or services.settings.default_locale
        t = services.texts.get
        text = t(
            locale,
            f"notice-{change.event.kind}",
            number=case.number,
            who=change.actor.full_name,
            status=t(locale, f"status-{case.status}"),
            note=event_detail(services, locale, change.event) or "-",
        )
        buttons = [(t(locale, "button-open-case"), f"k:o:{case.id}")]
        if change.event.kind == Action.RETURN:
            buttons.insert(0, (t(locale, "action-answer"), f"k:t:answer:{case.id}:{case.status}"))
        try:
            await context.bot.send_message(user.telegram_id, text, reply_markup=grid(buttons))
        except TelegramError:
            _log.warning("could not tell user %s about %s", user.id, case.number)
