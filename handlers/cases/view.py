"""Show one case to someone allowed to see it, writing the audit row that access requires."""

from __future__ import annotations

from sqlalchemy import func, select
from telegram import InputMediaPhoto, Update

from bot.cases.lifecycle import AccessDenied, Action, available_actions
from bot.cases.work import open_case, record_view, referrals_of, timeline
from bot.runtime.context import BotContext
from handlers.cases.render import case_detail
from storage.audit import AuditEntry
from storage.cases import CasePhoto
from storage.people import User


async def show_case(update: Update, context: BotContext, case_id: int, note: str = "") -> bool:
    """Send the case's details and the actions its viewer may take; False when refused."""
    assert update.effective_user is not None and update.effective_chat is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            actor, case = await open_case(session, update.effective_user.id, case_id, Action.VIEW)
            reporter = await session.get(User, case.reporter_id)
            events = await timeline(session, case.id)
            referrals = await referrals_of(session, case.id)
            photos = await session.scalar(select(func.count()).where(CasePhoto.case_id == case.id))
            await record_view(session, actor, case, services.clock.now())
            actions = available_actions(actor, case)
    except AccessDenied:
        await refuse(update, context)
        return False
    text, buttons = case_detail(
        context,
        case,
        reporter.full_name if reporter else "-",
        events,
        referrals,
        actions,
        photos or 0,
    )
    if note:
        text = type(text)(f"{note}\n\n{text}")
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=buttons)
    return True


async def refuse(update: Update, context: BotContext) -> None:
    """Say no without telling whether the case exists: its number is itself information."""
    if update.callback_query:
        await update.callback_query.answer(context.t("case-refused"), show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(context.t("case-refused"))


async def show_photos(update: Update, context: BotContext) -> None:
    """Send a case's photos as albums to someone allowed to see the case."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services, case_id = context.services, int(query.data.split(":")[2])
    try:
        async with services.sessions.begin() as session:
            actor, case = await open_case(session, update.effective_user.id, case_id, Action.VIEW)
            photos = list(
                await session.scalars(
                    select(CasePhoto.file_id)
                    .where(CasePhoto.case_id == case.id)
                    .order_by(CasePhoto.id)
                )
            )
            now = services.clock.now()
            session.add(
                AuditEntry(actor_id=actor.id, action="case.photos", case_id=case.id, at=now)
            )
    except AccessDenied:
        await refuse(update, context)
        return
    await query.answer()
    # Telegram albums hold two to ten items.
    for start in range(0, len(photos), 10):
        chunk = photos[start : start + 10]
        if len(chunk) == 1:
            await context.bot.send_photo(query.from_user.id, chunk[0], caption=case.number)
        else:
            album = [InputMediaPhoto(file_id) for file_id in chunk]
            await context.bot.send_media_group(query.from_user.id, album, caption=case.number)
