"""People: registration (/start), approval, /pengguna, /impor, /profil, and last activity."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.people.buttons import Act, Handover, MoveDecision, OpenPerson, PeopleList, PersonAction
from bot.runtime.context import BotApp
from handlers.groups import Group, add
from handlers.people import (
    actions,
    activity,
    approval,
    contact,
    directory,
    onboarding,
    profile,
    roster_upload,
)
from handlers.people.edit import build_person_edit


def register(application: BotApp) -> None:
    """Every handler of the people feature, each in its group (handlers/groups.py)."""
    activity.register(application)
    onboarding.register(application)
    approval.register(application)
    add(application, Group.PERSON_EDIT, [build_person_edit()])
    roster_upload.register(application)
    profile.register(application)
    add(application, Group.COMMANDS, [CommandHandler("pengguna", directory.list_command)])
    for callback, pattern in (
        (directory.turn_page, PeopleList.pattern()),
        (directory.open_person, OpenPerson.pattern()),
        (actions.one_tap, PersonAction.pattern(action=Act.REACTIVATE)),
        (actions.one_tap, PersonAction.pattern(action=Act.ROLE)),
        (actions.hand_over_cases, Handover.pattern()),
        (actions.decide_move_request, MoveDecision.pattern()),
    ):
        add(application, Group.COMMANDS, [CallbackQueryHandler(callback, pattern=pattern)])
    contact.register(application)
