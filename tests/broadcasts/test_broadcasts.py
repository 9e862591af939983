"""/siaran: coordinators compose, choose an audience within their reach, preview and send."""

from __future__ import annotations

import pytest

from bot.broadcasts.queue import BroadcastDraft, queue_broadcast
from bot.delivery import AudienceRefused, resolve_audience
from bot.people import get_user
from bot.runtime.clock import FixedClock
from bot.runtime.texts import Texts
from storage.audit import AuditEntry
from storage.broadcasts import Broadcast
from storage.db import create_engine, create_sessions
from storage.delivery import OutboxMessage
from storage.people import Role, User, UserStatus
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, add_user, fetch, set_role
from tests.harness import BotHarness, Chat
from tests.texts import said, said_pattern

COORDINATOR, SITI, RUDI, DEWI, PENDING = 2001, 1001, 1002, 1003, 1004
CIPONDOH_KELURAHAN = "3671051001"
CILEDUG = "367106"
TEXT = "Rapat PSM Jumat 09.00 di aula kecamatan. Bawa KTP & <alat tulis>."
MINE = said("broadcast-to-mine", names="Tangerang")
SEND, DONE, PICK = (
    said("broadcast-button-send"),
    said("broadcast-button-done"),
    said("broadcast-to-pick"),
)
NOT_ALLOWED = said("broadcast-not-allowed")


@pytest.fixture
async def coordinator(harness: BotHarness, schema: str) -> Chat:
    """Pak Budi coordinates Kec. Tangerang: Siti and Rudi (English) work there, Dewi elsewhere."""
    await add_user(
        schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,), name="Pak Budi"
    )
    await add_user(schema, SITI, name="Siti Aminah")
    await add_user(schema, RUDI, name="Rudi Hartono", locale="en")
    await add_user(schema, DEWI, kelurahan=CIPONDOH_KELURAHAN, name="Dewi Lestari")
    return harness.user(COORDINATOR)


def shown(message: dict[str, object]) -> tuple[object, ...]:
    """What a reader sees of a message: its text or caption, formatting and photo."""
    return tuple(message.get(k) for k in ("text", "entities", "caption", "caption_entities"))


async def test_a_coordinator_previews_exactly_what_their_psm_receive(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    assert said("broadcast-ask-text") in (await coordinator.send("/siaran")).text
    audience = await coordinator.send(TEXT)
    assert audience.buttons == [MINE]

    preview = await coordinator.tap(MINE)
    intro, message, question = preview.messages
    assert said("broadcast-preview") in intro["text"]
    assert message["text"] == said("broadcast-message", author="Pak Budi", body=TEXT)
    tangerang = said("audience-kecamatan", names="Tangerang")
    assert said("broadcast-confirm", count=2, audience=tangerang) in question["text"]
    assert await fetch(schema, Broadcast) == []

    assert said("broadcast-queued", count=2) in (await coordinator.tap(SEND)).text
    [broadcast] = await fetch(schema, Broadcast)
    assert broadcast.audience == {"kecamatan": [TANGERANG]}
    assert {row.status for row in await fetch(schema, OutboxMessage)} == {"pending"}
    [audit] = await fetch(schema, AuditEntry, action="broadcast.create")
    assert audit.detail == {
        "broadcast_id": broadcast.id,
        "audience": {"kecamatan": [TANGERANG]},
        "recipients": 2,
    }

    await harness.run_job("outbox")
    [received] = harness.telegram.sent_to(SITI)
    assert shown(received) == shown(message)
    [in_english] = harness.telegram.sent_to(RUDI)
    assert in_english["text"] == said("broadcast-message", "en", author="Pak Budi", body=TEXT)
    assert harness.telegram.sent_to(DEWI) == []


async def test_the_author_gets_one_delivery_report_when_everyone_was_served(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    harness.telegram.block_chat(RUDI)
    await coordinator.send("/siaran")
    await coordinator.send(TEXT)
    await coordinator.tap(MINE)
    await coordinator.tap(SEND)
    before = len(coordinator.history())

    await harness.run_job("outbox")
    await harness.run_job("outbox")
    [report] = coordinator.history()[before:]
    assert said_pattern("broadcast-report", sent=1, blocked=1, failed=0).search(report["text"])
    [broadcast] = await fetch(schema, Broadcast)
    assert broadcast.reported and broadcast.completed_at is not None


async def test_a_photo_goes_out_as_a_photo_with_the_message_as_its_caption(
    coordinator: Chat, harness: BotHarness
) -> None:
    await coordinator.send("/siaran")
    no_caption = said("answer-broadcast-caption-short", min=5)
    assert no_caption in (await coordinator.send_photo()).text
    await coordinator.send_photo("Dokumentasi bimtek kemarin, terima kasih semua.")
    preview = await coordinator.tap(MINE)
    assert preview.messages[1]["photo"]
    await coordinator.tap(SEND)
    await harness.run_job("outbox")
    [received] = harness.telegram.sent_to(SITI)
    assert received["photo"] and "Dokumentasi bimtek kemarin" in received["caption"]


async def test_wrong_answers_are_explained_and_the_question_asked_again(
    coordinator: Chat,
) -> None:
    await coordinator.send("/siaran")
    assert said("answer-broadcast-short", min=5) in (await coordinator.send("Oke")).text
    too_long = said("answer-broadcast-long", max=3500, length=3501)
    assert too_long in (await coordinator.send("x" * 3501)).text
    assert said("broadcast-need-text") in (await coordinator.send_sticker()).text
    await coordinator.send(TEXT)
    retyped = await coordinator.send("Semua PSM")
    assert said("broadcast-need-button") in retyped.text
    assert retyped.buttons == [MINE]


async def test_a_coordinator_cannot_reach_another_kecamatan_even_with_forged_buttons(
    harness: BotHarness, schema: str
) -> None:
    await add_user(
        schema, COORDINATOR, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG, CILEDUG)
    )
    await add_user(schema, SITI)
    await add_user(schema, DEWI, kelurahan=CIPONDOH_KELURAHAN)
    coordinator = harness.user(COORDINATOR)
    await coordinator.send("/siaran")
    audience = await coordinator.send(TEXT)
    assert audience.buttons == [said("broadcast-to-mine", names="Tangerang, Ciledug"), PICK]
    await coordinator.tap_data("bc:to:all")
    await coordinator.tap_data("bc:to:coordinators")

    picker = await coordinator.tap(PICK)
    assert picker.buttons == ["Tangerang", "Ciledug", DONE]
    await coordinator.tap_data(f"bc:kec:{CIPONDOH}")
    await coordinator.tap(DONE)
    refusals = [
        r.params.get("text") for r in harness.telegram.requests if r.method == "answerCallbackQuery"
    ]
    assert refusals.count(said("broadcast-refused-forbidden")) == 3
    assert refusals[-1] == said("broadcast-refused-empty")

    await coordinator.tap("Tangerang")
    assert coordinator.buttons() == ["✅ Tangerang", "Ciledug", DONE]
    assert (await coordinator.tap(DONE)).says("broadcast-confirm", count=1)
    [author] = await fetch(schema, User, telegram_id=COORDINATOR)
    with pytest.raises(AudienceRefused):
        resolve_audience(author, "pick", [TANGERANG, CIPONDOH])


async def test_an_admin_picks_several_kecamatan(coordinator: Chat, harness: BotHarness) -> None:
    admin = harness.user(ADMIN_ID)
    await admin.send("/siaran")
    audience = await admin.send(TEXT)
    assert audience.buttons == [
        said("broadcast-to-all"),
        PICK,
        said("broadcast-to-coordinators"),
    ]
    await admin.tap(PICK)
    await admin.tap("Tangerang")
    await admin.tap("Cipondoh")
    assert (await admin.tap(DONE)).says("broadcast-confirm", count=3)
    await admin.tap(SEND)
    await harness.run_job("outbox")
    assert all(len(harness.telegram.sent_to(psm)) == 1 for psm in (SITI, RUDI, DEWI))
    assert harness.telegram.sent_to(COORDINATOR) == []


async def test_psm_and_pending_users_are_refused_politely(
    coordinator: Chat, harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PENDING, Role.COORDINATOR, None, (TANGERANG,), status=UserStatus.PENDING)
    for user_id in (SITI, PENDING, 5555):
        reply = await harness.user(user_id).send("/siaran")
        assert NOT_ALLOWED in reply.text


async def test_batal_or_the_cancel_button_discards_the_broadcast(
    coordinator: Chat, schema: str
) -> None:
    await coordinator.send("/siaran")
    await coordinator.send(TEXT)
    assert said("broadcast-cancelled") in (await coordinator.send("/batal")).text
    await coordinator.send("/siaran")
    await coordinator.send(TEXT)
    await coordinator.tap(MINE)
    cancelled = await coordinator.tap(said("broadcast-button-cancel"))
    assert said("broadcast-cancelled") in cancelled.text
    assert await fetch(schema, Broadcast) == []
    assert await fetch(schema, OutboxMessage) == []


async def test_confirming_the_same_draft_twice_queues_it_once(
    coordinator: Chat, schema: str, clock: FixedClock
) -> None:
    draft = BroadcastDraft(text="Rapat PSM besok pagi.", mode="mine")
    engine = create_engine(schema)
    for _ in range(2):
        async with create_sessions(engine).begin() as session:
            author = await get_user(session, COORDINATOR)
            assert author is not None
            _, queued = await queue_broadcast(session, author, draft, Texts(), clock.now())
            assert queued == 2
    await engine.dispose()
    assert len(await fetch(schema, Broadcast)) == 1
    assert len(await fetch(schema, OutboxMessage)) == 2


async def test_a_broadcast_waits_until_the_announcement_being_composed_is_finished(
    coordinator: Chat,
) -> None:
    await coordinator.send("/pengumuman")
    await coordinator.tap(said("button-announce-new"))
    refused = await coordinator.send("/siaran")
    assert said("busy-elsewhere", what=said("busy-announcement")) in refused.text
    assert said("announce-ask-body") in (await coordinator.send("Rapat Koordinasi PSM")).text


async def test_a_coordinator_demoted_while_composing_cannot_send_and_loses_the_draft(
    coordinator: Chat, schema: str
) -> None:
    await coordinator.send("/siaran")
    await coordinator.send(TEXT)
    await coordinator.tap(MINE)
    await set_role(schema, COORDINATOR, Role.PSM)
    assert NOT_ALLOWED in (await coordinator.tap(SEND)).text
    assert await fetch(schema, Broadcast) == []
    assert NOT_ALLOWED in (await coordinator.send("/siaran")).text
