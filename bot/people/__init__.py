"""People: registration, roster, approvals, looking users up, and changes over time.

Other features use only what is named here.
"""

from bot.people.changes import ChangeRefused, reach
from bot.people.directory import get_user, reviewers_for, set_locale
from bot.people.history import record
from bot.people.menus import commands_for, refresh_menu, set_default_menus
from bot.people.menus import schedule as schedule_menus
from bot.people.messages import Wording
from bot.people.registration import activate_from_roster, ensure_admins, welcome_back
from bot.people.roster import RosterRow, read_roster, save_roster
from bot.people.roster_problems import RosterProblem, in_plain_words
from bot.people.roster_sync import RosterPlan, apply_roster, plan_roster, preview_roster
from bot.people.roster_xlsx import read_roster_file

__all__ = [
    "ChangeRefused",
    "RosterPlan",
    "RosterProblem",
    "RosterRow",
    "Wording",
    "activate_from_roster",
    "apply_roster",
    "commands_for",
    "ensure_admins",
    "get_user",
    "in_plain_words",
    "plan_roster",
    "preview_roster",
    "reach",
    "read_roster",
    "read_roster_file",
    "record",
    "refresh_menu",
    "reviewers_for",
    "save_roster",
    "schedule_menus",
    "set_default_menus",
    "set_locale",
    "welcome_back",
]
