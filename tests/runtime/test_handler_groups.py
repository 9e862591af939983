"""Who answers an update is decided by handler groups, and each update is answered once."""

from __future__ import annotations

from handlers.groups import Group
from tests.conftest import ADMIN_ID
from tests.factories import add_user
from tests.harness import BotHarness
from tests.texts import said

SITI = 1001


async def test_a_typed_answer_mid_report_gets_the_next_question_and_nothing_else(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, SITI)
    siti = harness.user(SITI)
    await siti.send("/lapor")
    await siti.tap("Lansia")
    await siti.tap("Lanjut Usia Telantar")
    reply = await siti.send("Mak Onah")
    assert len(reply.messages) == 1 and reply.says("report-ask-nik")


async def test_a_command_outside_any_conversation_is_answered_once(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, SITI)
    reply = await harness.user(SITI).send("/bantuan")
    assert len(reply.messages) == 1 and reply.says("help")


async def test_lapor_typed_while_composing_a_broadcast_stays_in_the_broadcast(
    harness: BotHarness,
) -> None:
    admin = harness.user(ADMIN_ID)
    await admin.send("/siaran")
    reply = await admin.send("/lapor")
    assert said("broadcast-command") in reply.text
    assert not reply.says("report-ask-category-group")


async def test_every_handler_sits_in_a_declared_group(harness: BotHarness) -> None:
    assert harness.app is not None
    assert set(harness.app.handlers) <= set(Group)
