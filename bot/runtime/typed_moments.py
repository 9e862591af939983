"""Reading a date and time as Indonesians type them, relative to the injected clock's now.

"15-12-2026 09:00", "10/12 jam 9", "Kamis 10 Desember 09.00", "besok jam 2 siang", "lusa 19.30",
"Sabtu jam 8 pagi". A missing year is the next time that date comes; a weekday alone is the next
such day (today included); a time alone is today. Returns None when the text is not a moment.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "pebruari", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov", "nop", "nopember"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
WEEKDAYS = {
    **dict.fromkeys(("senin", "monday", "mon"), 0),
    **dict.fromkeys(("selasa", "tuesday", "tue"), 1),
    **dict.fromkeys(("rabu", "wednesday", "wed"), 2),
    **dict.fromkeys(("kamis", "thursday", "thu"), 3),
    **dict.fromkeys(("jumat", "jum'at", "friday", "fri"), 4),
    **dict.fromkeys(("sabtu", "saturday", "sat"), 5),
    **dict.fromkeys(("minggu", "ahad", "sunday", "sun"), 6),
}
DAYS_FROM_TODAY = {"hari ini": 0, "today": 0, "besok": 1, "tomorrow": 1, "lusa": 2}
# Hours before these are after noon: "jam 2 siang" is 14:00, "jam 7 malam" 19:00, and
# "jam 11 siang" is 11:00.
AFTERNOON = {"siang": 11, "sore": 12, "malam": 12, "pm": 12}

_WEEKDAY = re.compile(r"\b(" + "|".join(map(re.escape, WEEKDAYS)) + r")\b,?")
_MOMENT = re.compile(
    r"(?:(?P<rel>hari ini|today|besok|tomorrow|lusa)"
    r"|(?:tanggal |tgl\.? )?(?P<d>\d{1,2})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<y>\d{4}|\d{2}))?"
    r"|[ -](?P<month>[a-z]+)\.?(?:[ -](?P<year>\d{4}))?))?"
    r"[ ,]*(?:(?:jam|pukul|pkl\.?|at) ?)?(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?"
    r" ?(?P<part>pagi|siang|sore|malam|am|pm)?(?: wib)?"
)


def read_moment(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The moment `text` names in `tz`, or None when it is not one; ValueError when it names
    a date or time that does not exist (31/02, jam 25)."""
    cleaned = " ".join(text.lower().replace(",", " ").split())
    weekday_match = _WEEKDAY.search(cleaned)
    cleaned = " ".join(_WEEKDAY.sub(" ", cleaned).split())
    match = _MOMENT.fullmatch(cleaned)
    if match is None:
        return None
    today = now.astimezone(tz).date()
    if match["month"] and match["month"] not in MONTHS:
        return None
    day = _day(match, today, WEEKDAYS[weekday_match.group(1)] if weekday_match else None)
    return datetime(day.year, day.month, day.day, _hour(match), int(match["min"] or 0), tzinfo=tz)


def _day(match: re.Match[str], today: date, weekday: int | None) -> date:
    if match["rel"]:
        return today + timedelta(days=DAYS_FROM_TODAY[match["rel"]])
    if match["d"] is None:
        ahead = 0 if weekday is None else (weekday - today.weekday()) % 7
        return today + timedelta(days=ahead)
    month = int(match["m"]) if match["m"] else MONTHS[match["month"]]
    year_text = match["y"] or match["year"]
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return date(year, month, int(match["d"]))
    this_year = date(today.year, month, int(match["d"]))
    return this_year if this_year >= today else date(today.year + 1, month, int(match["d"]))


def _hour(match: re.Match[str]) -> int:
    hour, part = int(match["h"]), match["part"]
    if part in AFTERNOON and hour < AFTERNOON[part]:
        hour += 12
    elif part in ("malam", "am") and hour == 12:
        hour = 0
    if hour > 23:
        raise ValueError(hour)
    return hour
