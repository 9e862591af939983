"""Changing people from /pengguna: each action, who may take it, forged and stale buttons."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.runtime.clock import FixedClock
from storage.audit import AuditEntry
from storage.people import User
from storage.people_changes import PersonEvent
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, fetch
from tests.harness import BotHarness, Chat
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, SARI, SUKAASIH, People
from tests.texts import said, said_pattern

# What each button does to Lutpiah (PSM of Sukarasa, Kec. Tangerang), and who may tap it.
BUTTONS = {
    "open": ("u:o:{id}", {"coordinator", "admin"}),
    "deactivate": ("u:a:off:{id}:active", {"coordinator", "admin"}),
    "move": ("u:a:move:{id}:active", {"coordinator", "admin"}),
    "role_menu": ("u:a:role:{id}:active", {"admin"}),
    "role": ("u:r:{id}:coordinator:psm", {"admin"}),
    "keep_cases": ("u:h:{id}:-", set()),  # she has not left: nobody may
}
ACTORS = {
    "coordinator": BUDI,
    "other_coordinator": SARI,
    "colleague": RINA,
    "herself": LUTPIAH,
    "admin": ADMIN_ID,
}


async def person_page(chat: Chat, name: str) -> None:
    await chat.send("/pengguna")
    await chat.tap(name)


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("button", list(BUTTONS))
async def test_who_may_touch_a_psm_even_with_forged_buttons(
    harness: BotHarness, people: People, schema: str, actor: str, button: str
) -> None:
    template, allowed = BUTTONS[button]
    chat = harness.user(ACTORS[actor])
    help_message = (await chat.send("/bantuan")).last
    await chat.tap_data(template.format(id=people[LUTPIAH]), help_message)
    [answer] = harness.button_answers()
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    if actor in allowed:
        assert answer == "", f"{actor} should be able to {button}, not be told {answer!r}"
    else:
        locale = "en" if actor == "colleague" else "id"  # Rina chose English
        refusals = (said("people-refused", locale), said("people-stale", locale))
        assert answer in refusals, f"{actor} should be told no to {button}"
        assert "+6281200000001" not in str(chat.history())
    assert (lutpiah.status, lutpiah.role) == (
        "active",
        "coordinator" if (button == "role" and actor == "admin") else "psm",
    )
    changes = [e for e in await fetch(schema, AuditEntry) if e.action != "user.list"]
    if actor not in allowed:
        assert changes == [], f"{actor} changed something by {button}"


async def test_deactivating_asks_a_reason_and_the_person_hears_why_then_nothing_more(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    asked = await coordinator.tap(said("person-act-off"))
    assert asked.text == said("person-ask-reason")
    short = await coordinator.send("x")
    assert short.text == said("answer-reason-short", min=3) + "\n\n" + said("person-ask-reason")
    done = await coordinator.send("Mengundurkan diri")
    assert done.says("person-done-off")
    assert done.says("person-page", name="Lutpiah", status=said("person-status-inactive"))
    assert said("person-act-on") in coordinator.buttons()
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.status == "inactive"
    [event] = await fetch(schema, PersonEvent, user_id=lutpiah.id)
    assert (event.kind, event.data, event.actor_id) == (
        "deactivated",
        {"reason": "Mengundurkan diri"},
        people[BUDI],
    )
    [entry] = await fetch(schema, AuditEntry, action="user.deactivate")
    assert entry.actor_id == people[BUDI]
    await harness.deliver()
    why = said("person-farewell", reason="Mengundurkan diri", contact="Pak Budi")
    assert [m["text"] for m in harness.telegram.sent_to(LUTPIAH)] == [why]
    refused = await harness.user(LUTPIAH).send("/profil")
    assert refused.text == said("access-inactive")


async def test_the_retention_clock_starts_at_the_deactivation_and_stops_at_reactivation(
    harness: BotHarness, people: People, schema: str, clock: FixedClock
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Rina Marlina")
    await coordinator.tap(said("person-act-off"))
    await coordinator.send("Pindah ke luar kota")
    [rina] = await fetch(schema, User, telegram_id=RINA)
    assert rina.inactive_since == clock.now()
    clock.set(clock.now() + timedelta(days=30))
    await coordinator.tap(said("person-act-on"))
    [rina] = await fetch(schema, User, telegram_id=RINA)
    assert rina.inactive_since is None


async def test_reactivating_tells_the_person_in_their_language(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Rina Marlina")
    await coordinator.tap(said("person-act-off"))
    await coordinator.send("Cuti panjang")
    again = await coordinator.tap(said("person-act-on"))
    assert again.says("person-done-on")
    await harness.deliver()
    [why, told] = harness.telegram.sent_to(RINA)
    assert why["text"] == said("person-farewell", "en", reason="Cuti panjang", contact="Pak Budi")
    reactivated = said("person-event-reactivated", "en")
    assert told["text"] == said("person-told", "en", change=reactivated)
    kinds = [e.kind for e in await fetch(schema, PersonEvent)]
    assert kinds == ["deactivated", "reactivated"]
    page = coordinator.last_with_buttons()["text"]
    left = said("person-event-deactivated", reason="Cuti panjang")
    for change in (left, said("person-event-reactivated")):
        assert said_pattern("person-history-line", who="Pak Budi", change=change).search(page)


async def test_a_stale_button_from_before_a_change_changes_nothing(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    old_page = coordinator.last_with_buttons()
    admin = harness.user(ADMIN_ID)
    await person_page(admin, "Lutpiah")
    await admin.tap(said("person-act-off"))
    await admin.send("Pindah ke luar kota")
    reply = await coordinator.tap(said("person-act-move"), old_page)
    assert reply.messages == [] and harness.button_answers()[-1] == said("people-stale"), reply.text
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert (lutpiah.status, lutpiah.kelurahan_code) == ("inactive", "3671011001")


async def test_a_coordinator_moves_a_psm_within_their_kecamatan_only(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    asked = await coordinator.tap(said("person-act-move"))
    assert asked.text == said("person-ask-kelurahan")
    assert "Cipondoh" not in str(coordinator.buttons())
    forged = await coordinator.tap_data("pe:kel:3671051001")
    assert forged.text == said("wrong-stale-button") + "\n\n" + said("person-ask-kelurahan")
    moved = await coordinator.tap("Sukaasih")
    assert moved.says("person-done-move")
    assert moved.says("person-page", name="Lutpiah", place="Sukaasih, Tangerang")
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert (lutpiah.kelurahan_code, lutpiah.kecamatan_code) == (SUKAASIH, TANGERANG)
    await harness.deliver()
    [told] = harness.telegram.sent_to(LUTPIAH)
    change = said("person-event-moved", **{"from": "Sukarasa", "to": "Sukaasih"})
    assert told["text"] == said("person-told", change=change)
    assert len(await fetch(schema, AuditEntry, action="user.move")) == 1


async def test_an_admin_moves_anywhere_changes_roles_and_a_coordinators_kecamatan(
    harness: BotHarness, people: People, schema: str
) -> None:
    admin = harness.user(ADMIN_ID)
    await person_page(admin, "Dedi Kurnia")
    await admin.tap(said("person-act-role"))
    assert admin.buttons() == [said("role-coordinator"), said("role-admin")]
    promoted = await admin.tap(said("role-coordinator"))
    assert promoted.says("person-done-role")
    assert promoted.says("person-page", name="Dedi Kurnia", role=said("role-coordinator"))
    [dedi] = await fetch(schema, User, telegram_id=DEDI)
    assert (dedi.role, dedi.area_codes) == ("coordinator", {CIPONDOH})
    await admin.tap(said("person-act-areas"))
    await admin.tap("Tangerang")
    await admin.tap("✅ Tangerang")  # untick
    await admin.tap("Tangerang")
    done = await admin.tap(said("person-areas-done"))
    assert done.says("person-done-areas")
    [dedi] = await fetch(schema, User, telegram_id=DEDI)
    assert dedi.area_codes == {CIPONDOH, TANGERANG}
    await harness.deliver()
    told = [m["text"] for m in harness.telegram.sent_to(DEDI)]
    roles = {"from": said("role-psm"), "to": said("role-coordinator")}
    assert told == [
        said("person-told", change=said("person-event-role", **roles)),
        said("person-told", change=said("person-event-areas", areas="Tangerang, Cipondoh")),
    ]
    await admin.send("/pengguna")
    await admin.tap("Pak Budi")
    await admin.tap(said("person-act-role"))
    asked = await admin.tap(said("role-psm"))
    pick = said("person-ask-kecamatan")
    assert asked.text == pick, "a coordinator without a kelurahan picks one first"
    await admin.tap("Cipondoh")
    await admin.tap("Cipondoh Indah")
    [budi] = await fetch(schema, User, telegram_id=BUDI)
    assert (budi.role, budi.kelurahan_code, budi.area_codes) == ("psm", "3671051003", set())


async def test_a_coordinator_cannot_change_roles_even_by_typing_the_button(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    page = coordinator.last_with_buttons()
    await coordinator.tap_data(f"u:r:{people[LUTPIAH]}:admin:psm", page)
    await coordinator.tap_data(f"u:a:areas:{people[SARI]}:active", page)
    assert harness.button_answers()[-2:] == [said("people-refused")] * 2
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.role == "psm"
    assert await fetch(schema, AuditEntry, action="user.role") == []
