"""Announcement pieces shown to coordinators: audience names, the preview, the detail card."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.announcements.messages import AnnouncementMessages
from bot.announcements.report import AnnouncementStats
from bot.delivery import Audience, Buttons, DeliveryCounts
from bot.runtime.context import BotContext
from handlers.replies import audience_label
from storage.announcements import Announcement, AnnouncementStatus


def messages_of(context: BotContext) -> AnnouncementMessages:
    return AnnouncementMessages(context.services.texts, context.services.settings)


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=data) for label, data in row]
            for row in buttons
        ]
    )


def status_label(context: BotContext, item: Announcement, delivery: DeliveryCounts) -> str:
    """Where the announcement is: cancelled, started, or how far its delivery has got."""
    if item.status == AnnouncementStatus.CANCELLED:
        return context.t("announce-status-cancelled")
    if item.starts_at <= context.services.clock.now():
        return context.t("announce-status-started")
    if delivery.total and not delivery.pending:
        return context.t("announce-status-delivered")
    if delivery.total > delivery.pending:
        return context.t("announce-status-sending")
    return context.t("announce-status-scheduled")


def detail_text(context: BotContext, item: Announcement, stats: AnnouncementStats) -> str:
    """Everything a coordinator wants to know about one announcement, on one card."""
    messages = messages_of(context)
    delivery = stats.delivery
    return context.t(
        "announce-detail",
        title=item.title,
        when=messages.when(context.locale, item.starts_at),
        venue=item.venue,
        audience=audience_label(context, Audience.from_json(item.audience)),
        send=messages.when(context.locale, item.send_at),
        status=status_label(context, item, delivery),
        code=item.code,
        sent=delivery.sent,
        pending=delivery.pending,
        blocked=delivery.blocked,
        failed=delivery.failed,
        yes=stats.yes,
        no=stats.no,
        unanswered=stats.unanswered,
        attended=stats.attended,
    )
