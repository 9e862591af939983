"""People: registration, roster, approvals, looking users up, and changes over time.

Other features use only what is named here.
"""

from bot.people.changes import ChangeRefused, reach
from bot.people.directory import get_user, reviewers_for, set_locale
from bot.people.history import record
from bot.people.registration import activate_from_roster, ensure_admins, welcome_back
from bot.people.roster import RosterRow, read_roster, save_roster

__all__ = [
    "ChangeRefused",
    "RosterRow",
    "activate_from_roster",
    "ensure_admins",
    "get_user",
    "reach",
    "read_roster",
    "record",
    "reviewers_for",
    "save_roster",
    "set_locale",
    "welcome_back",
]
