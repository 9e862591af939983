"""Dates at the calendar's ends (year 1, year 9999), typed or forged into buttons, are explained
to the user; they never become the generic error or an error report to the admins."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from bot.insight.periods import BadPeriod, Period, parse_range
from bot.records.audit_review import AuditBy, AuditFilter, BadAuditFilter
from bot.records.buttons import AuditExport
from tests.conftest import ADMIN_ID
from tests.harness import BotHarness
from tests.insight.conftest import COORD_TANGERANG, TANGERANG
from tests.texts import said

JAKARTA = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 12, 4)
days = st.dates(min_value=date.min, max_value=date.max)
START, END = (date.min, date.min + timedelta(days=1)), (date.max, date.max)


@given(first=days, last=days)
@example(*START)
@example(*END)
def test_any_typed_period_is_a_usable_period_or_a_reason(first: date, last: date) -> None:
    typed = f"{first:%d-%m}-{first.year:04d} s/d {last:%d-%m}-{last.year:04d}"
    try:
        period = parse_range(typed, TODAY)
    except BadPeriod as bad:
        assert bad.reason in {"range", "order", "future", "long"}
        return
    period.bounds(JAKARTA)
    assert period.buckets()[-1].last == period.last


@given(first=days, last=days)
@example(*START)
@example(*END)
def test_any_period_button_is_a_usable_period_or_refused(first: date, last: date) -> None:
    data = f"{first.year:04d}{first:%m%d}{last.year:04d}{last:%m%d}"
    try:
        period = Period.decode(data)
    except ValueError:
        return
    period.bounds(JAKARTA)


@given(first=days, last=days)
@example(*START)
@example(*END)
def test_any_audit_button_is_a_usable_filter_or_refused(first: date, last: date) -> None:
    try:
        wanted = AuditExport(AuditBy.PERIOD, _number(first), _number(last)).wanted()
    except BadAuditFilter as bad:
        assert bad.what == "range"
        return
    if wanted is not None:
        assert isinstance(wanted, AuditFilter) and wanted.first == first
        assert wanted.last is not None
        wanted.last + timedelta(days=1)  # the end of the range the review reads


def _number(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


async def test_a_period_at_the_ends_of_the_calendar_is_explained(
    harness: BotHarness, people: str
) -> None:
    coordinator = harness.user(COORD_TANGERANG)
    question = (await coordinator.send("/rekap")).last
    for typed in ("01-01-0001 s/d 02-01-0001", "31-12-1899 s/d 01-01-1900"):
        reply = await coordinator.send(typed)
        assert said("rekap-bad-period-range") in reply.text
        assert said("rekap-ask-period") in reply.text
    for forged in ("0001010100010102", "9999123099991231"):
        tapped = await coordinator.tap_data(f"rk:x:xlsx:{TANGERANG}:{forged}", question)
        assert tapped.messages == []
    alerts = [
        r.params.get("text")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery" and r.params.get("show_alert")
    ]
    assert alerts == [said("rekap-bad-period-range")] * 2
    assert harness.telegram.sent_to(ADMIN_ID) == []


async def test_an_audit_period_at_the_ends_of_the_calendar_is_explained(
    harness: BotHarness, people: str
) -> None:
    admin = harness.user(ADMIN_ID)
    for typed in ("/audit 31-12-9999", "/audit 01-01-0001 02-01-0001", "/audit 01-01-3000"):
        assert (await admin.send(typed)).text == said("audit-bad-range")
    page = await admin.send("/audit")
    for forged in ("au:period:99991231:99991231", "au:period:10101:10102"):
        assert (await admin.tap_data(forged, page.last)).messages == []
    alerts = [
        r.params.get("text")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery" and r.params.get("show_alert")
    ]
    assert alerts == [said("audit-bad-range")] * 2
    assert not [m for m in harness.telegram.sent_to(ADMIN_ID) if said("error-user") in m["text"]]
    assert not [m for m in harness.telegram.sent_to(ADMIN_ID) if "Traceback" in m["text"]]
