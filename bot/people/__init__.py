"""People: registration, roster, approvals, and looking users up."""

from bot.people.directory import get_user, reviewers_for, set_locale

__all__ = ["get_user", "reviewers_for", "set_locale"]
