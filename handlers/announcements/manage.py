"""/pengumuman for coordinators: the menu, their announcements, counts, cancel and export."""

from __future__ import annotations

import asyncio
import html

from telegram import InlineKeyboardMarkup, InputFile, Update

from bot.announcements.buttons import AnnouncementCard, AnnouncementList, Card
from bot.announcements.changes import ChangeRefused, cancel, managed
from bot.announcements.report import (
    LIST_LENGTH,
    announcement_stats,
    announcements_of,
    rsvp_rows,
    rsvp_sheet,
)
from bot.delivery import may_address
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.announcements.flow import Act, Tap
from handlers.announcements.render import detail_text, messages_of
from handlers.keyboards import grid
from handlers.replies import mark_chosen
from storage.announcements import Announcement, AnnouncementStatus

TITLE_IN_LIST = 40


def announcement_id(update: Update) -> int:
    """The announcement a card button names (its pattern admits only well-formed data)."""
    assert update.callback_query is not None
    button = AnnouncementCard.decode(update.callback_query.data)
    assert button is not None
    return button.announcement_id


def _card(action: Card, item: Announcement) -> str:
    return AnnouncementCard(action, item.id).encode()


async def _refuse(update: Update, context: BotContext, refused: ChangeRefused) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(context.t(f"announce-refused-{refused}"), show_alert=True)


async def _reply(
    update: Update, context: BotContext, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    assert update.effective_chat is not None
    if update.callback_query:
        await update.callback_query.answer()
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


async def show_menu(update: Update, context: BotContext) -> None:
    """Offer a new announcement, or the list of one's announcements."""
    user = await active_user_or_explain(update, context)
    if user is None:
        return
    if not may_address(user):
        await _reply(update, context, context.t("announce-not-allowed"))
        return
    menu = grid(
        [
            (context.t("button-announce-new"), Tap(Act.NEW).encode()),
            (context.t("button-announce-list"), AnnouncementList().encode()),
        ]
    )
    await _reply(update, context, context.t("announce-menu"), menu)


def _list_label(context: BotContext, item: Announcement) -> str:
    title = (
        item.title if len(item.title) <= TITLE_IN_LIST else item.title[: TITLE_IN_LIST - 1] + "…"
    )
    date = item.starts_at.astimezone(context.services.settings.tz).strftime("%d-%m-%Y")
    cancelled = item.status == AnnouncementStatus.CANCELLED
    label = context.t(
        "announce-list-item", date=date, title=title, cancelled=str(cancelled).lower()
    )
    # Button labels are plain text: the catalog's HTML escaping would show as "&amp;".
    return html.unescape(label)


async def list_announcements(update: Update, context: BotContext) -> None:
    """List a page of the caller's announcements, latest event first, each opening its card."""
    assert update.effective_user is not None and update.callback_query is not None
    button = AnnouncementList.decode(update.callback_query.data)
    assert button is not None
    page = button.page
    async with context.services.sessions() as session:
        user = await get_user(session, update.effective_user.id)
        items, total = await announcements_of(session, user, page) if may_address(user) else ([], 0)
    pages = -(-total // LIST_LENGTH)
    text = (
        context.t("announce-list", page=page + 1, pages=pages)
        if items
        else context.t("announce-list-empty")
    )
    await _reply(update, context, text, _list_markup(context, items, page, pages))


def _list_markup(
    context: BotContext, items: list[Announcement], page: int, pages: int
) -> InlineKeyboardMarkup:
    labels = [(_list_label(context, item), _card(Card.OPEN, item)) for item in items]
    rows = grid(labels).inline_keyboard
    pager = [("◀️", AnnouncementList(page - 1).encode())] if page > 0 else []
    pager += [("▶️", AnnouncementList(page + 1).encode())] if page + 1 < pages else []
    new = [(context.t("button-announce-new"), Tap(Act.NEW).encode())]
    return InlineKeyboardMarkup(
        [*rows, *grid(pager, columns=2).inline_keyboard, *grid(new).inline_keyboard]
    )


async def open_announcement(update: Update, context: BotContext) -> None:
    """Show one announcement's delivery and RSVP counts, and what can be done with it."""
    assert update.effective_user is not None
    try:
        async with context.services.sessions() as session:
            _, item = await managed(session, update.effective_user.id, announcement_id(update))
            stats = await announcement_stats(session, item)
    except ChangeRefused as refused:
        return await _refuse(update, context, refused)
    actions = [(context.t("button-announce-refresh"), _card(Card.OPEN, item))]
    is_open = item.status != AnnouncementStatus.CANCELLED
    if is_open and item.starts_at > context.services.clock.now():
        actions.append((context.t("button-announce-reschedule"), _card(Card.RESCHEDULE, item)))
        actions.append((context.t("button-announce-cancel"), _card(Card.CANCEL, item)))
    actions.append((context.t("button-announce-export"), _card(Card.EXPORT, item)))
    actions.append((context.t("button-announce-back"), AnnouncementList().encode()))
    await _reply(update, context, detail_text(context, item, stats), grid(actions))


async def ask_cancel(update: Update, context: BotContext) -> None:
    """Ask before calling the event off."""
    assert update.effective_user is not None
    try:
        async with context.services.sessions() as session:
            _, item = await managed(session, update.effective_user.id, announcement_id(update))
    except ChangeRefused as refused:
        return await _refuse(update, context, refused)
    choices = [
        (context.t("button-announce-cancel-yes"), _card(Card.CANCEL_CONFIRMED, item)),
        (context.t("button-announce-cancel-no"), _card(Card.OPEN, item)),
    ]
    text = context.t("announce-confirm-cancel", title=item.title)
    await _reply(update, context, text, grid(choices, columns=2))


async def confirm_cancel(update: Update, context: BotContext) -> None:
    """Cancel the event: withdraw unsent copies, tell those who received it."""
    assert update.effective_user is not None
    now, messages = context.services.clock.now(), messages_of(context)
    try:
        async with context.services.sessions.begin() as session:
            user, item = await managed(
                session, update.effective_user.id, announcement_id(update), lock=True
            )
            told = await cancel(session, messages, user, item, now)
    except ChangeRefused as refused:
        return await _refuse(update, context, refused)
    await mark_chosen(update, context.t("button-announce-cancel-yes"))
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("announce-cancelled", title=item.title, told=told)
    )


async def export_rsvps(update: Update, context: BotContext) -> None:
    """Send the RSVP list as a spreadsheet; every export is written to the audit log."""
    assert update.effective_user is not None and update.effective_chat is not None
    services = context.services
    try:
        async with services.sessions.begin() as session:
            user, item = await managed(session, update.effective_user.id, announcement_id(update))
            rows = await rsvp_rows(session, item, user, services.clock.now())
    except ChangeRefused as refused:
        return await _refuse(update, context, refused)
    tz = services.settings.tz
    data = await asyncio.to_thread(rsvp_sheet, item.title, rows, context.t, services.regions, tz)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(data, filename=f"rsvp-{item.code}.xlsx"),
        caption=context.t("announce-export-caption", title=item.title, count=len(rows)),
    )
