"""When a case is due for a follow-up nudge, quiet hours, and what counts as fresh activity."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.cases.lifecycle import Status
from bot.runtime.settings import Settings
from storage.cases import Case, Urgency

# After this many unanswered nudges the case goes to its coordinator instead.
NUDGES_BEFORE_ESCALATION = 2


def follow_up_interval(settings: Settings, urgency: str) -> timedelta:
    days = {
        Urgency.DARURAT: settings.nudge_days_darurat,
        Urgency.TINGGI: settings.nudge_days_tinggi,
        Urgency.SEDANG: settings.nudge_days_sedang,
        Urgency.RENDAH: settings.nudge_days_rendah,
    }[Urgency(urgency)]
    return timedelta(days=days)


def record_activity(case: Case, settings: Settings, now: datetime) -> None:
    """Any event on a case restarts its follow-up clock; a closed case needs no nudges."""
    case.last_activity_at = now
    case.nudges_unanswered = 0
    if case.status == Status.SELESAI:
        case.next_nudge_at = None
    else:
        case.next_nudge_at = now + follow_up_interval(settings, case.urgency)
