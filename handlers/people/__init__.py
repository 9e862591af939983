"""People: registration (/start), approval, /pengguna, /impor, /profil, and last activity."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.people.buttons import Act, Handover, MoveDecision, OpenPerson, PeopleList, PersonAction
from bot.runtime.context import BotApp
from handlers.people import actions, activity, contact, directory, profile, roster_upload
from handlers.people.edit import build_person_edit


def register_conversations(application: BotApp) -> None:
    """The conversations: before /lapor, so a reason typed here does not land in a report."""
    application.add_handler(build_person_edit())
    roster_upload.register(application)
    profile.register(application)


def register(application: BotApp) -> None:
    activity.register(application)
    application.add_handler(CommandHandler("pengguna", directory.list_command))
    for callback, pattern in (
        (directory.turn_page, PeopleList.pattern()),
        (directory.open_person, OpenPerson.pattern()),
        (actions.one_tap, PersonAction.pattern(action=Act.REACTIVATE)),
        (actions.one_tap, PersonAction.pattern(action=Act.ROLE)),
        (actions.hand_over_cases, Handover.pattern()),
        (actions.decide_move_request, MoveDecision.pattern()),
    ):
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    contact.register(application)
