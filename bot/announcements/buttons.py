"""The buttons of announcements: a coordinator's list and cards (`am`), recipients' RSVP (`ar`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.runtime.callbacks import Callback
from storage.announcements import RsvpAnswer


class Card(StrEnum):
    OPEN = "o"
    RESCHEDULE = "rs"
    CANCEL = "x"
    CANCEL_CONFIRMED = "xy"
    EXPORT = "xl"


@dataclass(frozen=True)
class AnnouncementList(Callback, prefix="am:l"):
    page: int = 0


@dataclass(frozen=True)
class AnnouncementCard(Callback, prefix="am"):
    action: Card
    announcement_id: int


@dataclass(frozen=True)
class Rsvp(Callback, prefix="ar"):
    announcement_id: int
    answer: RsvpAnswer
