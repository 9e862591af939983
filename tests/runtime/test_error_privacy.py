"""Failures are logged and reported by ids: no NIK, phone, name, address or GPS point leaks."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.runtime.logs import CHATTY_LIBRARIES, configure_logging, describe, redact_records
from storage.delivery import Lane
from tests.conftest import ADMIN_ID
from tests.factories import add_case, add_user
from tests.harness import BotHarness
from tests.reporting import NIK, fill_until_review
from tests.texts import said

PSM_ID, NEWCOMER_ID = 1001, 1002
PHONE = "081298765432"
# What the PSM typed or shared on the way to the review (see tests/reporting.py).
SECRETS = (
    NIK,
    PHONE,
    PHONE[1:],
    "Mak Onah",
    "Merdeka No. 5",
    "6.1702",
    "106.6403",
    "Nenek tinggal sendiri",
    "1950-03-12",
)


# Every library that logs, each at DEBUG: the log filter alone must keep them clean.
LIBRARIES = (*CHATTY_LIBRARIES, "aiosqlite", "asyncpg", "telegram.ext", "aiohttp")


@pytest.fixture(params=["INFO", "DEBUG"])
def log_level(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Iterator[int]:
    """INFO as configured, or DEBUG for this project and for every library that logs."""
    level = logging.getLevelName(request.param)
    caplog.set_level(level)
    saved = {name: logging.getLogger(name).level for name in LIBRARIES}
    if level == logging.DEBUG:
        for name in LIBRARIES:
            logging.getLogger(name).setLevel(logging.DEBUG)
    yield level
    for name, saved_level in saved.items():
        logging.getLogger(name).setLevel(saved_level)


def leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Everything the log records hold, formatted or not."""
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), record.exc_text or "", repr(record.exc_info)]
    return "\n".join(parts)


async def test_errors_are_logged_and_reported_without_personal_data(
    harness: BotHarness,
    schema: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    log_level: int,
) -> None:
    await add_user(schema, PSM_ID)
    await add_case(schema, PSM_ID, number="TNG-2026-00001")
    psm, newcomer = harness.user(PSM_ID), harness.user(NEWCOMER_ID)

    def unreadable(text: str, *args: object) -> None:
        # As int("...") or a parser would: the offending input inside the message.
        raise ValueError(f"cannot read {text!r}")

    with monkeypatch.context() as patch:
        patch.setattr("handlers.people.onboarding.normalize_phone", unreadable)
        await newcomer.send("/start")
        assert said("error-user") in (await newcomer.share_contact(PHONE)).text
    await psm.send("/lapor")
    await psm.tap("Lansia")
    await psm.tap("Lanjut Usia Telantar")
    await psm.send("Mak Onah")
    with monkeypatch.context() as patch:
        patch.setattr("handlers.cases.report.beneficiary.parse_nik", unreadable)
        assert said("error-user") in (await psm.send(NIK)).text
    await psm.send("/batal")
    await psm.tap(said("button-cancel-yes"))
    await fill_until_review(psm)

    async def taken_number(*args: object) -> str:
        return "TNG-2026-00001"  # as a counter behind the existing cases would hand out

    monkeypatch.setattr("bot.cases.submit.next_case_number", taken_number)
    assert said("error-user") in (await psm.tap(said("button-submit"))).text

    reports = [m["text"] for m in harness.telegram.sent_to(ADMIN_ID)]
    assert len(reports) == 3
    assert "ValueError" in reports[0] and f"user {NEWCOMER_ID}" in reports[0]
    assert "contact" in reports[0] and "signup step 0" in reports[0]
    assert "ValueError" in reports[1] and "report step 3" in reports[1]
    assert "IntegrityError" in reports[2] and "button r:submit" in reports[2]
    assert [leaks(report) for report in reports] == [[], [], []]
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 3 and "IntegrityError" in errors[2] and "user 1001" in errors[2]
    assert leaks(logged(caplog)) == []


def nested_failure(depth: int) -> None:
    """Sixty chained exceptions, each with a long message full of HTML."""
    try:
        if depth:
            nested_failure(depth - 1)
        else:
            raise KeyError("<b>" * 2000)
    except Exception as error:
        raise RuntimeError("<i>&" * 3000) from error


async def test_error_report_fits_one_telegram_message_however_long_the_error(
    harness: BotHarness, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_user(schema, PSM_ID)

    async def fail(*args: object) -> None:
        nested_failure(60)

    monkeypatch.setattr("handlers.cases.browse.visible_cases", fail)
    await harness.user(PSM_ID).send("/kasus")

    [report] = harness.telegram.sent_to(ADMIN_ID)
    harness.telegram.assert_no_rejections()
    assert len(report["text"]) <= 4096 and "<i>&<i>&" not in report["text"]
    assert report["text"].rstrip().endswith("RuntimeError")
    assert "command /kasus" in report["text"]


def test_a_librarys_log_line_keeps_numbers_and_types_but_no_values(
    caplog: pytest.LogCaptureFixture,
) -> None:
    redact_records()
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="aiosqlite")
    logging.getLogger("aiosqlite").debug(
        "executing %s with %r: %d rows, %s", "UPDATE users SET", ("Mak Onah", PHONE), 3, Lane.URGENT
    )
    logging.getLogger("bot.cases").debug("case %s by %s", 42, "reporter")
    assert [r.getMessage() for r in caplog.records] == [
        "executing <str> with '<tuple>': 3 rows, 0",
        "case 42 by reporter",
    ]


def test_database_errors_are_described_without_their_parameters() -> None:
    from sqlalchemy.exc import IntegrityError

    error = IntegrityError("INSERT INTO cases (name) VALUES (?)", ("Mak Onah",), Exception())
    assert describe(error).startswith(
        "sqlalchemy.exc.IntegrityError (in INSERT INTO cases (name) VALUES (?))"
    )
    assert "Mak Onah" not in describe(error)


def test_debug_logging_leaves_out_the_libraries_that_log_whole_updates() -> None:
    root, saved = logging.getLogger(), {n: logging.getLogger(n).level for n in CHATTY_LIBRARIES}
    handlers, level = list(root.handlers), root.level
    try:
        configure_logging("DEBUG")
        assert logging.getLogger("bot.cases").isEnabledFor(logging.DEBUG)
        # PTB logs every update and request body at DEBUG, httpx every URL (with the token).
        assert not logging.getLogger("telegram.ext.Application").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
    finally:
        for name, saved_level in saved.items():
            logging.getLogger(name).setLevel(saved_level)
        root.handlers[:], root.level = handlers, level
