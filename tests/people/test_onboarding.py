"""Registration: roster match, approval, rejection, and who may do what before that."""

from __future__ import annotations

from storage.audit import AuditEntry
from storage.conversations import ConversationDraft
from storage.people import Role, User, UserStatus
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, SUKARASA, TANGERANG, add_roster, add_user, fetch
from tests.harness import BotHarness
from tests.texts import said

PSM_ID = 1001
COORDINATOR_ID = 2001


async def test_roster_psm_is_activated_by_sharing_their_phone(
    harness: BotHarness, schema: str
) -> None:
    await add_roster(schema, "+6281234567890", "Lutpiah", Role.PSM, kelurahan="3671031001")
    chat = harness.user(PSM_ID)

    await chat.send("/start")
    keyboard = chat.last_sent_params()["reply_markup"]["keyboard"]
    assert keyboard[0][0]["request_contact"] is True

    reply = await chat.share_contact("6281234567890")
    assert reply.text == said("signup-activated-psm", name="Lutpiah", place="Batuceper")
    [user] = await fetch(schema, User, telegram_id=PSM_ID)
    assert (user.status, user.role, user.kelurahan_code) == ("active", "psm", "3671031001")
    assert (await chat.send("/start")).text == said("welcome-psm", name="Lutpiah")


async def test_a_finished_registration_keeps_no_answers_behind(
    harness: BotHarness, schema: str
) -> None:
    await add_roster(schema, "+6281234567890", "Lutpiah", Role.PSM, kelurahan="3671031001")
    roster, other = harness.user(PSM_ID), harness.user(1003)
    await roster.send("/start")
    activated = said("signup-activated-psm", name="Lutpiah", place="Batuceper")
    assert (await roster.share_contact("6281234567890")).text == activated
    await other.send("/start")
    assert (await other.share_contact("6281234567890")).text == said("signup-phone-taken")
    # The registration's answers, the phone among them, are not kept once it ends.
    assert await fetch(schema, ConversationDraft, conversation="signup") == []


async def test_roster_coordinator_gets_their_kecamatan(harness: BotHarness, schema: str) -> None:
    await add_roster(schema, "+6285711112222", "Pak Budi", Role.COORDINATOR, kecamatan=[TANGERANG])
    chat = harness.user(COORDINATOR_ID)
    await chat.send("/start")
    reply = await chat.share_contact("+62 857-1111-2222")
    assert reply.text == said("signup-activated-coordinator", name="Pak Budi", place="Tangerang")
    [user] = await fetch(schema, User, telegram_id=COORDINATOR_ID)
    assert user.role == "coordinator" and user.area_codes == {TANGERANG}


async def test_someone_elses_contact_is_refused(harness: BotHarness, schema: str) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/start")
    reply = await chat.share_contact("6281234567890", own=False)
    assert said("signup-contact-not-own") in reply.text
    assert said("signup-ask-contact") in reply.text, "the phone is asked for again"
    assert await fetch(schema, User, telegram_id=PSM_ID) == []


async def _apply(harness: BotHarness, user_id: int) -> None:
    chat = harness.user(user_id)
    await chat.send("/start")
    reply = await chat.share_contact("081299998888")
    assert reply.text == said("signup-ask-name")
    reply = await chat.send("Rina Marlina")
    assert reply.text == said("signup-ask-kecamatan")
    await chat.tap("Tangerang")
    reply = await chat.tap("Sukarasa")
    assert reply.says("signup-pending")
    await harness.deliver()


async def test_unknown_psm_is_approved_by_their_coordinator(
    harness: BotHarness, schema: str
) -> None:
    await add_user(
        schema,
        COORDINATOR_ID,
        Role.COORDINATOR,
        kelurahan=None,
        areas=(TANGERANG,),
        name="Pak Budi",
    )
    await _apply(harness, PSM_ID)
    coordinator = harness.user(COORDINATOR_ID)
    request = coordinator.last_with_buttons()
    assert request["text"] == said(
        "approval-request",
        name="Rina Marlina",
        phone="+6281299998888",
        kelurahan="Sukarasa",
        kecamatan="Tangerang",
    )
    assert harness.telegram.sent_to(ADMIN_ID) == [], (
        "admins are not bothered when a coordinator exists"
    )

    await coordinator.tap(said("button-approve"), request)
    approved = said("approval-done-approved", name="Rina Marlina", reviewer="Pak Budi")
    assert coordinator.history()[-1]["text"] == approved
    await harness.deliver()
    assert harness.telegram.sent_to(PSM_ID)[-1]["text"] == said("signup-approved")
    [user] = await fetch(schema, User, telegram_id=PSM_ID)
    assert (user.status, user.kelurahan_code, user.phone) == ("active", SUKARASA, "+6281299998888")
    assert [a.action for a in await fetch(schema, AuditEntry, action="user.approve")] == [
        "user.approve"
    ]


async def test_unknown_psm_is_rejected_by_an_admin_when_no_coordinator(
    harness: BotHarness, schema: str
) -> None:
    await _apply(harness, PSM_ID)
    admin = harness.user(ADMIN_ID)
    await admin.tap(said("button-reject"))
    await harness.deliver()
    assert harness.telegram.sent_to(PSM_ID)[-1]["text"] == said("signup-rejected")
    [user] = await fetch(schema, User, telegram_id=PSM_ID)
    assert user.status == UserStatus.REJECTED
    assert (await harness.user(PSM_ID).send("/lapor")).text == said("access-rejected")


async def test_coordinator_of_another_kecamatan_cannot_decide(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    await add_user(schema, 2002, Role.COORDINATOR, kelurahan=None, areas=(CIPONDOH,))
    await _apply(harness, PSM_ID)
    [applicant] = await fetch(schema, User, telegram_id=PSM_ID)
    request = harness.user(COORDINATOR_ID).last_with_buttons()

    # A forged button: the Cipondoh coordinator replays the Tangerang request's callback data.
    await harness.user(2002).tap_data(f"reg:ok:{applicant.id}", request)
    [applicant] = await fetch(schema, User, telegram_id=PSM_ID)
    assert applicant.status == UserStatus.PENDING
    answers = [r for r in harness.telegram.requests if r.method == "answerCallbackQuery"]
    assert answers[-1].params["text"] == said("approval-refused-forbidden")


async def test_pending_user_cannot_report(harness: BotHarness, schema: str) -> None:
    await add_user(schema, PSM_ID, status=UserStatus.PENDING)
    reply = await harness.user(PSM_ID).send("/lapor")
    assert reply.text == said("access-pending")


async def test_unregistered_user_is_told_to_start(harness: BotHarness) -> None:
    reply = await harness.user(PSM_ID).send("/lapor")
    assert reply.text == said("access-unregistered")


async def test_admins_from_settings_exist_at_start_up(harness: BotHarness, schema: str) -> None:
    [admin] = await fetch(schema, User, telegram_id=ADMIN_ID)
    assert (admin.role, admin.status) == ("admin", "active")


async def test_typed_phone_number_is_refused_kindly(harness: BotHarness, schema: str) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/start")
    reply = await chat.send("081234567890")
    assert said("signup-need-contact") in reply.text
    assert chat.last_sent_params()["reply_markup"]["keyboard"][0][0]["request_contact"] is True


async def test_wrong_input_during_registration_keeps_earlier_answers(
    harness: BotHarness, schema: str
) -> None:
    chat = harness.user(PSM_ID)
    await chat.send("/start")
    await chat.share_contact("081299998888")
    assert said("wrong-need-text") in (await chat.send_sticker()).text
    await chat.send("Rina Marlina")
    reply = await chat.send("entah")
    assert said("wrong-need-button") in reply.text and "Cipondoh" in reply.buttons
    await chat.send("tangerang")  # a typed label is as good as a tap
    await chat.tap("Sukarasa")
    [user] = await fetch(schema, User, telegram_id=PSM_ID)
    assert (user.full_name, user.phone, user.status) == (
        "Rina Marlina",
        "+6281299998888",
        "pending",
    )
