"""The buttons of /pengguna, handovers and move requests, as typed callback data (`u:`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.runtime.callbacks import Callback
from storage.people import Role, UserStatus


class PeopleFilter(StrEnum):
    """Which people a list shows."""

    ALL = "all"
    ACTIVE = "active"
    PENDING = "pending"
    INACTIVE = "inactive"
    IDLE = "idle"  # active, nothing reported or written in IDLE_DAYS


class Act(StrEnum):
    """What can be done to a person from their page."""

    DEACTIVATE = "off"
    REACTIVATE = "on"
    MOVE = "move"
    ROLE = "role"
    AREAS = "areas"


class Verdict(StrEnum):
    APPROVE = "ok"
    REJECT = "no"


@dataclass(frozen=True)
class PeopleList(Callback, prefix="u:l"):
    page: int = 0
    filter: PeopleFilter = PeopleFilter.ALL


@dataclass(frozen=True)
class OpenPerson(Callback, prefix="u:o"):
    user_id: int


@dataclass(frozen=True)
class PersonAction(Callback, prefix="u:a"):
    """`status` is the person's status when the button was drawn: a stale button is refused."""

    action: Act
    user_id: int
    status: UserStatus


@dataclass(frozen=True)
class RoleChoice(Callback, prefix="u:r"):
    user_id: int
    role: Role
    was: Role


@dataclass(frozen=True)
class Handover(Callback, prefix="u:h"):
    """Hand a departed PSM's open cases to another PSM (`to_id`), or keep them (None)."""

    user_id: int
    to_id: int | None


@dataclass(frozen=True)
class MoveDecision(Callback, prefix="u:m"):
    verdict: Verdict
    request_id: int
