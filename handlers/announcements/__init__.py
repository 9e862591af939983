"""Announcements (/pengumuman): compose and manage them; recipients answer and check in (/hadir)."""

from __future__ import annotations

import re

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.announcements.buttons import AnnouncementCard, AnnouncementList, Card, Rsvp
from bot.runtime.context import BotApp
from handlers.announcements import finish, manage, rsvp
from handlers.announcements.conversation import build_compose_conversation
from handlers.announcements.flow import ANNOUNCE


def register_conversation(application: BotApp) -> None:
    """Before the report, so a coordinator composing is not pulled into /lapor by mistake."""
    application.add_handler(build_compose_conversation())


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("pengumuman", manage.show_menu))
    for callback, pattern in (
        (manage.list_announcements, AnnouncementList.pattern()),
        (manage.open_announcement, AnnouncementCard.pattern(action=Card.OPEN)),
        (manage.ask_cancel, AnnouncementCard.pattern(action=Card.CANCEL)),
        (manage.confirm_cancel, AnnouncementCard.pattern(action=Card.CANCEL_CONFIRMED)),
        (manage.export_rsvps, AnnouncementCard.pattern(action=Card.EXPORT)),
        (rsvp.answer_rsvp, Rsvp.pattern()),
        (finish.preview_only, f"^{re.escape(ANNOUNCE.data('pv'))}$"),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    application.add_handler(CommandHandler("hadir", rsvp.check_in_command), group=rsvp.GROUP)
