"""Announcements (/pengumuman): compose and manage them; recipients answer and check in (/hadir)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.announcements.buttons import AnnouncementCard, AnnouncementList, Card, Rsvp
from bot.runtime.context import BotApp
from handlers.announcements import finish, manage, rsvp
from handlers.announcements.conversation import build_compose_conversation
from handlers.announcements.flow import Act, Tap
from handlers.groups import Group, add


def register(application: BotApp) -> None:
    """Every handler of announcements, each in its group (handlers/groups.py)."""
    add(application, Group.ANNOUNCEMENT, [build_compose_conversation()])
    add(application, Group.COMMANDS, [CommandHandler("pengumuman", manage.show_menu)])
    for callback, pattern in (
        (manage.list_announcements, AnnouncementList.pattern()),
        (manage.open_announcement, AnnouncementCard.pattern(action=Card.OPEN)),
        (manage.ask_cancel, AnnouncementCard.pattern(action=Card.CANCEL)),
        (manage.confirm_cancel, AnnouncementCard.pattern(action=Card.CANCEL_CONFIRMED)),
        (manage.export_rsvps, AnnouncementCard.pattern(action=Card.EXPORT)),
        (rsvp.answer_rsvp, Rsvp.pattern()),
        (finish.preview_only, Tap.pattern(act=Act.PREVIEW)),
    ):
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=pattern)])
    # Checking in at the event never waits for a report in progress.
    add(application, Group.ANYTIME, [CommandHandler("hadir", rsvp.check_in_command)])
