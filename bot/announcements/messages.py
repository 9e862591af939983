"""What recipients receive: the announcement, its reminders and notices, each in their language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.announcements.buttons import Rsvp
from bot.delivery import Buttons, Payload, enqueue_localized
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from storage.announcements import (
    Announcement,
    AnnouncementNotice,
    NoticeKind,
    ReminderKind,
    RsvpAnswer,
)
from storage.people import User

# Outbox kinds: the campaign is the announcement's id, or for an update the notice's id.
ANNOUNCEMENT = "announcement"
UPDATE = "announcement_update"


class AnnouncementMessages:
    """Renders announcement payloads; the one place that knows their wording and buttons."""

    def __init__(self, texts: Texts, settings: Settings) -> None:
        self.texts, self.settings = texts, settings

    def locale_of(self, user: User) -> str:
        return user.locale or self.settings.default_locale

    def when(self, locale: str, moment: datetime) -> str:
        """Like "Selasa, 15 Desember 2026, 09:00 WIB", in TIMEZONE."""
        local = moment.astimezone(self.settings.tz)
        return self.texts.get(
            locale,
            "announce-when",
            weekday=local.weekday(),
            day=str(local.day),
            month=local.month,
            year=str(local.year),
            time=local.strftime("%H:%M"),
            zone=local.strftime("%Z"),
        )

    def rsvp_buttons(self, locale: str, announcement_id: int, chosen: str | None = None) -> Buttons:
        """Hadir / Tidak hadir, the chosen one ticked."""
        row: list[tuple[str, str]] = []
        for answer, key in ((RsvpAnswer.YES, "button-rsvp-yes"), (RsvpAnswer.NO, "button-rsvp-no")):
            label = self.texts.get(locale, key)
            if answer == chosen:
                label = self.texts.get(locale, "button-rsvp-chosen", label=label)
            row.append((label, Rsvp(announcement_id, answer).encode()))
        return [row]

    def announcement(self, locale: str, item: Announcement) -> Payload:
        text = self.texts.get(
            locale,
            "announcement-message",
            title=item.title,
            body=item.body,
            when=self.when(locale, item.starts_at),
            venue=item.venue,
        )
        return Payload(
            text=text,
            photo=item.photo_file_id,
            document=item.document_file_id,
            buttons=self.rsvp_buttons(locale, item.id),
        )

    def reminder(self, locale: str, item: Announcement, kind: str) -> Payload:
        key = "announce-reminder-day" if kind == ReminderKind.DAY else "announce-reminder-hours"
        text = self.texts.get(
            locale, key, title=item.title, when=self.when(locale, item.starts_at), venue=item.venue
        )
        # The day before, those who have not answered may still do so.
        buttons = self.rsvp_buttons(locale, item.id) if kind == ReminderKind.DAY else None
        return Payload(text=text, buttons=buttons)

    def notice(self, locale: str, item: Announcement, notice: AnnouncementNotice) -> Payload:
        if notice.kind == NoticeKind.CANCEL:
            text = self.texts.get(
                locale,
                "announce-notice-cancelled",
                title=item.title,
                when=self.when(locale, notice.previous_starts_at),
            )
            return Payload(text=text)
        text = self.texts.get(
            locale,
            "announce-notice-rescheduled",
            title=item.title,
            before=self.when(locale, notice.previous_starts_at),
            when=self.when(locale, item.starts_at),
            venue=item.venue,
        )
        return Payload(text=text, buttons=self.rsvp_buttons(locale, item.id))

    async def enqueue(
        self,
        session: AsyncSession,
        *,
        kind: str,
        campaign_id: int,
        recipients: Sequence[User],
        build: Callable[[str], Payload],
        not_before: datetime,
    ) -> int:
        """Queue one payload per recipient language; idempotent like `enqueue`."""
        return await enqueue_localized(
            session,
            kind=kind,
            campaign_id=campaign_id,
            recipients=recipients,
            build=build,
            default_locale=self.settings.default_locale,
            not_before=not_before,
        )
