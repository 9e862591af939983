"""The case lifecycle as an explicit state machine, and who may take which action."""

from __future__ import annotations

from enum import StrEnum

from bot.privacy.access import scope_of
from storage.cases import Case
from storage.people import User


class Status(StrEnum):
    BARU = "baru"
    DIKEMBALIKAN = "dikembalikan"
    DIVERIFIKASI = "diverifikasi"
    DITANGANI = "ditangani"
    DIRUJUK = "dirujuk"
    SELESAI = "selesai"
    DIBUKA_KEMBALI = "dibuka_kembali"


class Action(StrEnum):
    VERIFY = "verify"
    RETURN = "return"  # back to the PSM with a question
    ANSWER = "answer"  # the PSM answers that question
    HANDLE = "handle"  # marked as handled
    REFER = "refer"
    OUTCOME = "outcome"  # a referral's outcome is recorded
    CLOSE = "close"
    REOPEN = "reopen"
    NOTE = "note"  # a note or photos; no change of status
    VIEW = "view"


OPEN = frozenset(Status) - {Status.SELESAI}
WORKING = frozenset({Status.DIVERIFIKASI, Status.DITANGANI, Status.DIRUJUK, Status.DIBUKA_KEMBALI})

# action -> (statuses it may start from, status it leads to; None keeps the status)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status | None]] = {
    Action.VERIFY: (frozenset({Status.BARU, Status.DIBUKA_KEMBALI}), Status.DIVERIFIKASI),
    Action.RETURN: (frozenset({Status.BARU, Status.DIVERIFIKASI}), Status.DIKEMBALIKAN),
    Action.ANSWER: (frozenset({Status.DIKEMBALIKAN}), Status.BARU),
    Action.HANDLE: (WORKING - {Status.DITANGANI}, Status.DITANGANI),
    Action.REFER: (WORKING, Status.DIRUJUK),
    Action.OUTCOME: (frozenset({Status.DIRUJUK, Status.DITANGANI}), None),
    Action.CLOSE: (WORKING, Status.SELESAI),
    Action.REOPEN: (frozenset({Status.SELESAI}), Status.DIBUKA_KEMBALI),
    Action.NOTE: (OPEN, None),
    Action.VIEW: (frozenset(Status), None),
}

REPORTER_ACTIONS = frozenset({Action.VIEW, Action.NOTE, Action.ANSWER, Action.HANDLE})
COORDINATOR_ACTIONS = frozenset(Action) - {Action.ANSWER}


class IllegalTransition(Exception):
    def __init__(self, status: Status, action: Action) -> None:
        super().__init__(f"{action} is not possible from {status}")
        self.status, self.action = status, action


class AccessDenied(Exception):
    """The actor may not take this action on this case, whatever its status."""


def next_status(current: str, action: Action) -> Status:
    """The status after `action`, or IllegalTransition when the lifecycle forbids it."""
    status = Status(current)
    allowed_from, target = TRANSITIONS[action]
    if status not in allowed_from:
        raise IllegalTransition(status, action)
    return target or status


def may(actor: User | None, case: Case, action: Action) -> bool:
    """Within the actor's reach (bot/privacy/access.py): coordinators' and admins' actions on
    the cases they oversee, the reporter's actions on their own."""
    scope = scope_of(actor)
    if scope.oversees_case(case):
        return action in COORDINATOR_ACTIONS
    return scope.covers(case) and action in REPORTER_ACTIONS


def available_actions(actor: User, case: Case) -> list[Action]:
    """Actions to offer as buttons: allowed for this actor and legal from the current status."""
    status = Status(case.status)
    return [
        action
        for action, (allowed_from, _) in TRANSITIONS.items()
        if action is not Action.VIEW and status in allowed_from and may(actor, case, action)
    ]
