"""Who may see and change which case, enforced in the core: forged and stale buttons refused."""

from __future__ import annotations

import pytest

from storage.audit import AuditEntry
from storage.cases import Case
from storage.people import Role
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, add_case, add_user, fetch
from tests.harness import BotHarness

REPORTER, OTHER_PSM, COORDINATOR, OTHER_COORDINATOR = 1001, 1002, 2001, 2002
ACTORS = {
    "reporter": REPORTER,
    "other_psm": OTHER_PSM,
    "coordinator": COORDINATOR,
    "other_coordinator": OTHER_COORDINATOR,
    "admin": ADMIN_ID,
}
# (button data template, whether each actor may use it on a new case)
BUTTONS = {
    "view": ("k:o:{id}", {"reporter", "coordinator", "admin"}),
    "verify": ("k:v:verify:{id}:baru", {"coordinator", "admin"}),
    "return": ("k:t:return:{id}:baru", {"coordinator", "admin"}),
    "note": ("k:t:note:{id}:baru", {"reporter", "coordinator", "admin"}),
    "nudge_answer": ("n:s:{id}", {"reporter", "coordinator", "admin"}),
}


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_user(schema, REPORTER)
    await add_user(schema, OTHER_PSM)
    await add_user(schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    await add_user(schema, OTHER_COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    return await add_case(schema, REPORTER)


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("button", list(BUTTONS))
async def test_access_matrix_through_the_bot(
    harness: BotHarness, schema: str, case_id: int, actor: str, button: str
) -> None:
    template, allowed = BUTTONS[button]
    chat = harness.user(ACTORS[actor])
    await chat.send("/start")
    reply = await chat.tap_data(
        template.format(id=case_id), {"message_id": 1, "chat": {"id": chat.id}}
    )
    answers = [
        r.params.get("text", "")
        for r in harness.telegram.requests
        if r.method == "answerCallbackQuery"
    ]
    refused = any("tidak berhak" in a for a in answers)
    [case] = await fetch(schema, Case, id=case_id)
    if actor in allowed:
        assert not refused and reply.messages, f"{actor} should be able to {button}"
    else:
        assert refused and case.status == "baru" and reply.messages == []
        assert await fetch(schema, AuditEntry, case_id=case_id) == []


async def test_case_number_of_another_area_is_not_revealed(
    harness: BotHarness, case_id: int
) -> None:
    reply = await harness.user(OTHER_COORDINATOR).send("/kasus TNG-2026-00001")
    unknown = await harness.user(OTHER_COORDINATOR).send("/kasus TNG-2026-99999")
    assert reply.text == unknown.text and "tidak berhak" in reply.text


async def test_stale_button_on_a_changed_case_is_refused(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    first = harness.user(COORDINATOR)
    await first.send("/kasus TNG-2026-00001")
    old_detail = first.last_with_buttons()
    await harness.user(ADMIN_ID).tap_data(f"k:v:verify:{case_id}:baru", old_detail)
    reply = await first.tap("Kembalikan", old_detail)
    assert "sudah berubah" in reply.text
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "diverifikasi"
