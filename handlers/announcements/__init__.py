"""Announcements (/pengumuman): compose and manage them; recipients answer and check in (/hadir)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.runtime.context import BotApp
from handlers.announcements import manage, rsvp
from handlers.announcements.conversation import build_compose_conversation


def register_conversation(application: BotApp) -> None:
    """Before the report, so a coordinator composing is not pulled into /lapor by mistake."""
    application.add_handler(build_compose_conversation())


def register(application: BotApp) -> None:
    application.add_handler(CommandHandler("pengumuman", manage.show_menu))
    for callback, pattern in (
        (manage.list_announcements, r"^am:l(:\d+)?$"),
        (manage.open_announcement, r"^am:o:\d+$"),
        (manage.ask_cancel, r"^am:x:\d+$"),
        (manage.confirm_cancel, r"^am:xy:\d+$"),
        (manage.export_rsvps, r"^am:xl:\d+$"),
        (rsvp.answer_rsvp, r"^ar:\d+:(yes|no)$"),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    application.add_handler(CommandHandler("hadir", rsvp.check_in_command), group=rsvp.GROUP)
