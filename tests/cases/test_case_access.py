"""Who may see and change which case, enforced in the core: forged and stale buttons refused."""

from __future__ import annotations

import pytest

from bot.runtime.callbacks import prefixes
from storage.audit import AuditEntry
from storage.cases import Case, CasePhoto
from storage.people import Role, UserStatus
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, START, TANGERANG, add_case, add_rows, add_user, fetch
from tests.harness import BotHarness
from tests.texts import said

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
SEE = {"reporter", "coordinator", "admin"}
OVERSEE = {"coordinator", "admin"}
# What each button does to the case: (callback data, who may, what the others get):
# "refused" is an explicit no; "hidden" a list that simply does not contain the case.
BUTTONS = {
    "view": ("k:o:{id}", SEE, "refused"),
    "photos": ("k:p:{id}", SEE, "refused"),
    "list_all": ("k:l:0:all:-:-", SEE, "hidden"),
    "list_filtered": (f"k:l:0:open:darurat:{TANGERANG}", SEE, "hidden"),
    "verify": ("k:v:verify:{id}:baru", OVERSEE, "refused"),
    "return": ("k:t:return:{id}:baru", OVERSEE, "refused"),
    "note": ("k:t:note:{id}:baru", SEE, "refused"),
    "nudge_still_going": ("n:s:{id}", SEE, "refused"),
    "nudge_progress": ("n:p:{id}", SEE, "refused"),
}
INACTIVE = {"inactive_coordinator", "pending_coordinator", "rejected_psm"}


@pytest.fixture
async def case_id(harness: BotHarness, schema: str) -> int:
    await add_user(schema, REPORTER)
    await add_user(schema, OTHER_PSM)
    await add_user(schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    await add_user(schema, OTHER_COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    for telegram_id, status in (
        (INACTIVE_COORDINATOR, UserStatus.INACTIVE),
        (PENDING_COORDINATOR, UserStatus.PENDING),
    ):
        await add_user(
            schema, telegram_id, Role.COORDINATOR, None, areas=(TANGERANG,), status=status
        )
    await add_user(schema, REJECTED_PSM, status=UserStatus.REJECTED)
    case_id = await add_case(schema, REPORTER, urgency="darurat")
    reporter = harness.user(REPORTER)
    await reporter.send_photo()
    photo = reporter.user.last_photo
    assert photo is not None
    await add_rows(
        schema,
        CasePhoto(
            case_id=case_id,
            file_id=photo.file_id,
            file_unique_id=photo.file_unique_id,
            added_at=START,
        ),
    )
    return case_id


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("button", list(BUTTONS))
async def test_access_matrix_through_the_bot(
    harness: BotHarness, schema: str, case_id: int, actor: str, button: str
) -> None:
    template, allowed, otherwise = BUTTONS[button]
    chat = harness.user(ACTORS[actor])
    help_message = (await chat.send("/bantuan")).last
    reply = await chat.tap_data(template.format(id=case_id), help_message)
    refused = said("case-refused") in harness.button_answers()
    shown = any("TNG-2026-00001" in str(message) for message in chat.history())
    [case] = await fetch(schema, Case, id=case_id)
    if actor in allowed:
        assert not refused, f"{actor} should be able to {button}"
        assert shown if button.startswith("list") else reply.messages
        return
    assert not shown and "Mak Onah" not in reply.text, f"{actor} saw the case by {button}"
    assert case.status == "baru"
    assert await fetch(schema, AuditEntry, case_id=case_id) == []
    if otherwise == "refused" or actor in INACTIVE:
        assert refused, f"{actor} should be told no to {button}"


async def test_case_number_of_another_area_is_not_revealed(
    harness: BotHarness, case_id: int
) -> None:
    reply = await harness.user(OTHER_COORDINATOR).send("/kasus TNG-2026-00001")
    unknown = await harness.user(OTHER_COORDINATOR).send("/kasus TNG-2026-99999")
    assert reply.text == unknown.text and said("case-refused") in reply.text


async def test_a_stale_button_refreshes_its_card_silently(
    harness: BotHarness, case_id: int, schema: str
) -> None:
    first = harness.user(COORDINATOR)
    await first.send("/kasus TNG-2026-00001")
    old_detail = first.last_with_buttons()
    admin = harness.user(ADMIN_ID)
    await admin.send("/kasus TNG-2026-00001")
    await admin.tap(said("action-verify"))
    reply = await first.tap(said("action-return"), old_detail)
    assert reply.messages == [], (
        "no popup and no second card: the card itself is brought up to date"
    )
    assert harness.button_answers()[-1] == ""
    card = first.last_with_buttons()
    assert card["message_id"] == old_detail["message_id"]
    assert (
        said("status-diverifikasi") in card["text"] and said("action-verify") not in first.buttons()
    )
    [case] = await fetch(schema, Case, id=case_id)
    assert case.status == "diverifikasi"


MALFORMED = ("", "{prefix}", "{prefix}:", "{prefix}:x:y:z", "{prefix}:99999999999999999999:-")
# Buttons that carry nothing but their prefix.
WELL_FORMED = {"rk:n"}
# Every prefix a button of the bot can carry; a new kind of button is added here too.
PREFIXES = (
    "n", "reg", "lang", "ar", "am", "am:l", "sj", "au",
    "k:o", "k:l", "k:p", "k:f", "k:v", "k:t", "k:r", "k:ro", "rk:x", "rk:y", "rk:n",
    "u:l", "u:o", "u:a", "u:r", "u:h", "u:m", "k:u", "k:h", "kq",
    # The conversations' buttons.
    "r", "r:grp", "r:cat", "r:nikr", "r:sex", "r:age:unknown", "r:kec", "r:kel", "r:urg",
    "r:photos", "r:edit", "r:cancel", "s:kec", "s:kel", "s:back", "bc", "bc:to", "bc:kec",
    "an", "an:aud", "an:kec", "ki:sec", "ki:done", "ki:close", "ki:wait", "rk:a", "rk:p",
    "im:go", "im:cancel",
    "pf:do", "pf:kec", "pf:kel", "pf:back", "pf:leave",
    "pe:kec", "pe:kel", "pe:back", "pe:area", "pe:done",
)  # fmt: skip


async def test_every_kind_of_button_is_covered_here(harness: BotHarness) -> None:
    assert set(prefixes()) == set(PREFIXES)


@pytest.mark.parametrize("prefix", PREFIXES)
async def test_malformed_data_of_every_button_kind_is_answered_like_an_old_button(
    harness: BotHarness, case_id: int, prefix: str
) -> None:
    chat = harness.user(COORDINATOR)
    help_message = (await chat.send("/bantuan")).last
    stale, refused = said("wrong-stale-button-short"), said("case-refused")
    for template in MALFORMED:
        data = template.format(prefix=prefix)
        if data in WELL_FORMED:
            continue
        await chat.tap_data(data, help_message)
        last = harness.button_answers()[-1]
        assert stale in last or refused in last, f"{data!r} got {last!r}"
    assert harness.telegram.sent_to(ADMIN_ID) == [], "no error reached the admins"
