"""Quiet hours (QUIET_HOURS, in TIMEZONE): when the bot wakes nobody with what can wait."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.runtime.settings import Settings


def _parse(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(settings: Settings, moment: datetime) -> bool:
    """True at night (TIMEZONE), when nudges wait for the morning instead of waking anyone."""
    start, end = (_parse(part) for part in settings.quiet_hours.split("-"))
    local = moment.astimezone(settings.tz).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def after_quiet_hours(settings: Settings, moment: datetime) -> datetime:
    """`moment`, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(settings, moment):
        return moment
    hours, minutes = settings.quiet_hours.split("-")[1].split(":")
    local = moment.astimezone(settings.tz)
    end = datetime.combine(local.date(), time(int(hours), int(minutes)), settings.tz)
    return end if end > local else end + timedelta(days=1)
