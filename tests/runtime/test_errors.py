"""A failure in a handler: a calm word to the user, details to the admins, nothing lost."""

from __future__ import annotations

import pytest

from storage.cases import Case
from tests.conftest import ADMIN_ID
from tests.factories import add_user, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said

PSM_ID = 1001


async def test_error_reaches_admins_not_the_psm_and_the_draft_survives(
    harness: BotHarness, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_user(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    await fill_until_review(chat)

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database disk is full")

    monkeypatch.setattr("handlers.cases.report.review.submit_case", broken)
    reply = await chat.tap(said("button-submit"))
    assert said("error-user") in reply.text and "Traceback" not in reply.text
    report = harness.telegram.sent_to(ADMIN_ID)[-1]["text"]
    assert "RuntimeError" in report and f"user {PSM_ID}" in report and "button r:submit" in report

    monkeypatch.undo()
    reply = await chat.tap(said("button-submit"), chat.last_with_buttons())
    assert reply.says("report-saved")
    [case] = await fetch(schema, Case)
    assert case.beneficiary_name == "Mak Onah"
