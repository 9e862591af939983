"""The buttons of case follow-up (`k:`) and of nudges (`n`), as typed callback data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.cases.lifecycle import Action, Status
from bot.runtime.callbacks import Callback
from storage.attachments import AttachmentKind
from storage.cases import Urgency


class StatusFilter(StrEnum):
    """Which cases a list shows: every open one, everything, or one status."""

    OPEN = "open"
    ALL = "all"
    BARU = Status.BARU.value
    DIKEMBALIKAN = Status.DIKEMBALIKAN.value
    DIVERIFIKASI = Status.DIVERIFIKASI.value
    DITANGANI = Status.DITANGANI.value
    DIRUJUK = Status.DIRUJUK.value
    SELESAI = Status.SELESAI.value
    DIBUKA_KEMBALI = Status.DIBUKA_KEMBALI.value


class Tap(StrEnum):
    """Lifecycle actions taken with one tap."""

    VERIFY = Action.VERIFY.value
    HANDLE = Action.HANDLE.value
    REOPEN = Action.REOPEN.value


class Typed(StrEnum):
    """Lifecycle actions that need words (or sectors) first."""

    NOTE = Action.NOTE.value
    RETURN = Action.RETURN.value
    ANSWER = Action.ANSWER.value
    CLOSE = Action.CLOSE.value
    REFER = Action.REFER.value


class Outcome(StrEnum):
    """What a sector did with a referral."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DONE = "done"


class NudgeReply(StrEnum):
    PROGRESS = "p"  # add a progress note
    ONGOING = "s"  # still in progress
    RESOLVED = "d"  # handled


@dataclass(frozen=True)
class OpenCase(Callback, prefix="k:o"):
    case_id: int


@dataclass(frozen=True)
class CaseList(Callback, prefix="k:l"):
    page: int = 0
    status: StatusFilter = StatusFilter.OPEN
    urgency: Urgency | None = None
    kecamatan: str | None = None


@dataclass(frozen=True)
class CasePhotos(Callback, prefix="k:p"):
    case_id: int


@dataclass(frozen=True)
class CaseFiles(Callback, prefix="k:f"):
    """Send the case's voice notes or documents."""

    case_id: int
    kind: AttachmentKind


@dataclass(frozen=True)
class TapAction(Callback, prefix="k:v"):
    """`status` is the case's status when the button was drawn: a stale button is refused."""

    action: Tap
    case_id: int
    status: Status


@dataclass(frozen=True)
class TypedAction(Callback, prefix="k:t"):
    action: Typed
    case_id: int
    status: Status


@dataclass(frozen=True)
class ReferralMenu(Callback, prefix="k:r"):
    referral_id: int


@dataclass(frozen=True)
class ReferralOutcome(Callback, prefix="k:ro"):
    referral_id: int
    outcome: Outcome


@dataclass(frozen=True)
class Nudge(Callback, prefix="n"):
    reply: NudgeReply
    case_id: int


@dataclass(frozen=True)
class UndoAnswer(Callback, prefix="k:u"):
    """Take back an answer taken from a plain message (bot/cases/replies.py)."""

    event_id: int


@dataclass(frozen=True)
class CaseHistory(Callback, prefix="k:h"):
    """A case's whole timeline, beyond the last events its card shows."""

    case_id: int
