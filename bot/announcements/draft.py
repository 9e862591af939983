"""Composing an announcement: the draft and the checks of typed answers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.runtime.answers import BadAnswer
from bot.runtime.typed_moments import read_moment

TITLE_LENGTH = (3, 100)
VENUE_LENGTH = (3, 200)
BODY_LENGTH = (10, 3000)
# With a flyer the whole announcement is a caption, which Telegram cuts at 1024 characters.
CAPTION_BODY_LENGTH = (10, 500)
# Further ahead than this is almost always a mistyped year.
FURTHEST_START = timedelta(days=366)
TIME_FORMAT = "%d-%m-%Y %H:%M"


@dataclass
class AnnouncementDraft:
    """An announcement being composed: the /pengumuman conversation's answers until submitted."""

    # Submitting is idempotent by this id when a crash repeats the last step.
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    title: str | None = None
    body: str | None = None
    photo: str | None = None
    document: str | None = None
    starts_at: str | None = None
    venue: str | None = None
    # What the author may choose, fixed when composing starts; submitting checks it again.
    modes: list[str] = field(default_factory=list)
    choosable: list[str] = field(default_factory=list)
    audience: str | None = None
    kecamatan: list[str] = field(default_factory=list)
    # None means "as soon as it is confirmed".
    send_at: str | None = None
    # Set instead of the fields above when the conversation changes an existing event's time.
    reschedule_id: int | None = None

    @property
    def start(self) -> datetime | None:
        return datetime.fromisoformat(self.starts_at) if self.starts_at else None

    @property
    def send(self) -> datetime | None:
        return datetime.fromisoformat(self.send_at) if self.send_at else None


def local_time(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """Read a typed date and time in `tz` (15-12-2026 09:00, 10/12 jam 9, besok jam 2 siang)."""
    try:
        moment = read_moment(text, now, tz)
    except ValueError:
        raise BadAnswer("announce-time-invalid") from None
    if moment is None:
        raise BadAnswer("announce-time-format")
    return moment


def event_start(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """The event's start: a real moment, in the future, within a year."""
    moment = local_time(text, now, tz)
    if moment <= now:
        raise BadAnswer("announce-start-past")
    if moment > now + FURTHEST_START:
        raise BadAnswer("announce-start-far")
    return moment


def send_moment(text: str, now: datetime, starts_at: datetime, tz: ZoneInfo) -> datetime:
    """When to send: in the future, and before the event starts."""
    moment = local_time(text, now, tz)
    if moment <= now:
        raise BadAnswer("announce-send-past")
    if moment >= starts_at:
        raise BadAnswer("announce-send-late")
    return moment
