"""/profil: what the bot holds about me, my name, my number, moving, leaving."""

from __future__ import annotations

from storage.audit import AuditEntry
from storage.people import User
from storage.people_changes import MoveRequest
from tests.conftest import ADMIN_ID
from tests.factories import add_case, fetch
from tests.harness import BotHarness
from tests.people.conftest import BUDI, LUTPIAH, RINA, SARI, People
from tests.texts import said


def told_moved(origin: str, target: str) -> str:
    change = said("person-event-moved", **{"from": origin, "to": target})
    return said("person-told", change=change)


async def test_a_psm_sees_what_the_bot_holds_and_changes_their_name(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    shown = await psm.send("/profil")
    assert shown.text == said(
        "profile-summary",
        name="Lutpiah",
        phone="+6281200000001",
        place="Sukarasa, Tangerang",
        role=said("role-psm"),
        language=said("language-name"),
    ) + "\n\n" + said("profile-ask-menu")
    assert said("profile-button-move") in shown.buttons
    await psm.tap(said("profile-button-name"))
    wrong = await psm.send("12345")
    assert wrong.text == said("answer-name-letters") + "\n\n" + said("profile-ask-name")
    done = await psm.send("Lutpiah Nuraini")
    assert done.text == said("profile-renamed", name="Lutpiah Nuraini")
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.full_name == "Lutpiah Nuraini"
    assert len(await fetch(schema, AuditEntry, action="user.rename", actor_id=user.id)) == 1


async def test_a_new_number_is_taken_from_a_shared_contact_matched_by_telegram_id(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    asked = await psm.tap(said("profile-button-phone"))
    assert asked.text == said("profile-ask-phone")
    keyboard = psm.last_sent_params()["reply_markup"]["keyboard"]
    assert keyboard[0][0] == {"text": said("button-share-contact"), "request_contact": True}
    typed = await psm.send("081299990000")
    assert typed.text == said("profile-need-contact") + "\n\n" + said("profile-ask-phone")
    done = await psm.share_contact("6281299990000")
    assert done.text == said("phone-changed", phone="+6281299990000")
    outside = harness.user(RINA)
    taken = await outside.share_contact("+6281299990000")
    assert taken.text == said("phone-taken", "en")  # Rina chose English
    changed = await outside.share_contact("+62 812 7777 0000")
    assert changed.text == said("phone-changed", "en", phone="+6281277770000")
    phones = {u.telegram_id: u.phone for u in await fetch(schema, User)}
    assert (phones[LUTPIAH], phones[RINA]) == ("+6281299990000", "+6281277770000")
    assert len(await fetch(schema, AuditEntry, action="user.phone")) == 2
    stranger = await harness.user(5555).share_contact("+6281266660000")
    assert stranger.text == said("access-unregistered")


async def test_a_move_waits_for_the_coordinator_who_oversees_both_kelurahan(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    await psm.tap(said("profile-button-move"))
    await psm.tap("Tangerang")
    asked = await psm.tap("Sukaasih")
    assert asked.text == said("profile-move-asked", place="Sukaasih")
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011001", "nothing moves before the decision"
    await harness.deliver()
    coordinator = harness.user(BUDI)
    request = coordinator.last_with_buttons()
    assert request["text"] == said(
        "move-request", name="Lutpiah", origin="Sukarasa, Tangerang", target="Sukaasih, Tangerang"
    )
    assert harness.telegram.sent_to(SARI) == []
    approve = request["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    forged = await harness.user(SARI).tap_data(approve, request)
    assert forged.messages == [] and harness.button_answers()[-1] == said("people-refused")
    await coordinator.tap(said("button-approve"), request)
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011002"
    [move] = await fetch(schema, MoveRequest)
    assert (move.status, move.decided_by_id) == ("approved", people[BUDI])
    await harness.deliver()
    assert psm.history()[-1]["text"] == told_moved("Sukarasa", "Sukaasih")
    twice = await coordinator.tap_data(approve, request)
    assert twice.messages == [] and harness.button_answers()[-1] == said("people-decided")


async def test_a_move_to_another_kecamatan_goes_to_the_admins_and_can_be_refused(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    await psm.tap(said("profile-button-move"))
    await psm.tap("Cipondoh")
    await psm.tap("Cipondoh Indah")
    await harness.deliver()
    assert harness.telegram.sent_to(BUDI) == [] and harness.telegram.sent_to(SARI) == []
    admin = harness.user(ADMIN_ID)
    await admin.tap(said("button-reject"))
    await harness.deliver()
    refused = said("person-event-move_rejected", to="Cipondoh Indah")
    assert psm.history()[-1]["text"] == said("person-told", change=refused)
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011001"


async def test_leaving_needs_a_confirmation_and_asks_the_coordinator_about_open_cases(
    harness: BotHarness, people: People, schema: str
) -> None:
    await add_case(schema, LUTPIAH)
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    asked = await psm.tap(said("profile-button-leave"))
    assert asked.text == said("profile-ask-leave")
    assert (await psm.tap(said("profile-button-leave-no"))).text == said("profile-closed")
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.status == "active"
    await psm.send("/profil")
    await psm.tap(said("profile-button-leave"))
    left = await psm.tap(said("profile-button-leave-yes"))
    assert left.text == said("profile-left")
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.status == "inactive"
    assert len(await fetch(schema, AuditEntry, action="user.leave", actor_id=user.id)) == 1
    await harness.deliver()
    question = harness.user(BUDI).last_with_buttons()
    assert question["text"] == said("handover-ask", name="Lutpiah", count=1)
    assert said("handover-to", name="Rina Marlina") in harness.user(BUDI).buttons()
    assert (await psm.send("/lapor")).text == said("access-inactive")


async def test_a_coordinator_has_no_kelurahan_to_move_to(
    harness: BotHarness, people: People
) -> None:
    shown = await harness.user(BUDI).send("/profil")
    assert shown.says("profile-summary", name="Pak Budi", role=said("role-coordinator"))
    assert said("profile-button-move") not in shown.buttons
    forged = await harness.user(BUDI).tap_data("pf:do:move")
    assert forged.text == said("profile-closed")
