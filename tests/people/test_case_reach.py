"""A person's page and a handover reach only the cases the viewer may open, by the one rule
(`scope_of`), for each of the eight kinds of account: a PSM of Tangerang with an open case in
Cipondoh is no way for the Tangerang coordinator to reach that case."""

from __future__ import annotations

import pytest

from storage.cases import Case
from storage.people import Role, User, UserStatus
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, add_case, add_user, fetch
from tests.harness import BotHarness

REPORTER, OTHER_PSM, COORDINATOR, OTHER_COORDINATOR = 1001, 1002, 2001, 2002
INACTIVE_COORDINATOR, PENDING_COORDINATOR, REJECTED_PSM = 2003, 2004, 1003
ACTORS = {
    "reporter": REPORTER,
    "other_psm": OTHER_PSM,
    "coordinator": COORDINATOR,
    "other_coordinator": OTHER_COORDINATOR,
    "admin": ADMIN_ID,
    "inactive_coordinator": INACTIVE_COORDINATOR,
    "pending_coordinator": PENDING_COORDINATOR,
    "rejected_psm": REJECTED_PSM,
}
HERE, THERE = "TNG-2026-00001", "TNG-2026-00002"  # in Tangerang, in Cipondoh
# Who opens the reporter's page (coordinators of Tangerang, admins) and which numbers it lists.
PAGE = {"coordinator": {HERE}, "admin": {HERE, THERE}}


async def world(schema: str, reporter: UserStatus) -> dict[int, int]:
    """The eight accounts, the reporter's two open cases; user ids by Telegram id."""
    await add_user(schema, REPORTER, status=reporter, name="Lutpiah")
    await add_user(schema, OTHER_PSM, name="Rina Marlina")
    await add_user(schema, COORDINATOR, Role.COORDINATOR, None, (TANGERANG,))
    await add_user(schema, OTHER_COORDINATOR, Role.COORDINATOR, None, (CIPONDOH,))
    for telegram_id, status in (
        (INACTIVE_COORDINATOR, UserStatus.INACTIVE),
        (PENDING_COORDINATOR, UserStatus.PENDING),
    ):
        await add_user(schema, telegram_id, Role.COORDINATOR, None, (TANGERANG,), status=status)
    await add_user(schema, REJECTED_PSM, status=UserStatus.REJECTED)
    await add_case(schema, REPORTER, number=HERE)
    await add_case(schema, REPORTER, number=THERE, kelurahan="3671051001")
    return {user.telegram_id: user.id for user in await fetch(schema, User)}


@pytest.mark.parametrize("actor", list(ACTORS))
async def test_a_persons_page_lists_only_the_open_cases_the_viewer_may_open(
    harness: BotHarness, schema: str, actor: str
) -> None:
    ids = await world(schema, UserStatus.ACTIVE)
    chat = harness.user(ACTORS[actor])
    message = (await chat.send("/bantuan")).last
    page = await chat.tap_data(f"u:o:{ids[REPORTER]}", message)
    listed = {number for number in (HERE, THERE) if number in page.text}
    assert listed == PAGE.get(actor, set())
    assert bool(page.messages) == (actor in PAGE)


@pytest.mark.parametrize("actor", list(ACTORS))
async def test_a_handover_moves_only_the_cases_the_actor_may_open(
    harness: BotHarness, schema: str, actor: str
) -> None:
    ids = await world(schema, UserStatus.INACTIVE)
    chat = harness.user(ACTORS[actor])
    message = (await chat.send("/bantuan")).last
    await chat.tap_data(f"u:h:{ids[REPORTER]}:{ids[OTHER_PSM]}", message)
    cases = {case.number: case.reporter_id for case in await fetch(schema, Case)}
    handed = {number for number, reporter in cases.items() if reporter == ids[OTHER_PSM]}
    assert handed == PAGE.get(actor, set())
