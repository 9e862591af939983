"""People: registration, roster, approvals, and looking users up.

Other features use only what is named here.
"""

from bot.people.directory import get_user, reviewers_for, set_locale
from bot.people.registration import activate_from_roster, ensure_admins, welcome_back
from bot.people.roster import RosterRow, read_roster, save_roster

__all__ = [
    "RosterRow",
    "activate_from_roster",
    "ensure_admins",
    "get_user",
    "read_roster",
    "reviewers_for",
    "save_roster",
    "set_locale",
    "welcome_back",
]
