"""A NIK typed into the chat is deleted once read; only its masked form stays."""

from __future__ import annotations

import pytest

from storage.cases import Case
from tests.factories import add_user, fetch
from tests.harness import BotHarness, Chat
from tests.privacy.reports import NIK, report
from tests.texts import said

MASKED = "367101••••••••01"

PSM = 1001


@pytest.fixture
async def psm(harness: BotHarness, schema: str) -> Chat:
    await add_user(schema, PSM, name="Lutpiah")
    return harness.user(PSM)


def texts(harness: BotHarness, chat: Chat) -> list[str]:
    """Every live message of the chat, the user's and the bot's."""
    return [m.get("text") or m.get("caption") or "" for m in harness.telegram.history(chat.id)]


async def test_the_message_with_the_nik_is_deleted_and_only_the_masked_nik_is_shown(
    harness: BotHarness, psm: Chat, schema: str
) -> None:
    await report(psm)
    everything = "\n".join(texts(harness, psm))
    accepted = said("report-nik-ok", nik=MASKED, sex=said("sex-P"), born="12-03-1950")
    assert NIK not in everything and accepted in everything
    assert "Mak Onah" in everything, "the other answers stay in the chat"
    [case] = await fetch(schema, Case)
    assert case.nik_masked == MASKED


async def test_a_nik_with_a_typo_is_deleted_too_and_asked_again(
    harness: BotHarness, psm: Chat
) -> None:
    await psm.send("/lapor")
    await psm.tap("Lansia")
    await psm.tap("Lanjut Usia Telantar")
    await psm.send("Mak Onah")
    typo = NIK[:6] + "32" + NIK[8:]  # day 32
    reply = await psm.send(typo)
    assert reply.text == said("nik-invalid-date") + "\n\n" + said("report-ask-nik")
    assert all(typo not in text for text in texts(harness, psm))


async def test_a_report_goes_on_when_telegram_refuses_to_delete_the_message(
    harness: BotHarness, psm: Chat, schema: str
) -> None:
    harness.telegram.fail_next("deleteMessage", 400, "Bad Request: message can't be deleted")
    reply = await report(psm)
    assert reply.says("report-saved", number="TNG-2026-00001")
    assert any(r.method == "deleteMessage" and r.injected for r in harness.telegram.requests)
    assert harness.telegram.sent_to(900_001) == [], "no error report reached the admins"
    [case] = await fetch(schema, Case)
    assert case.nik_masked == MASKED


async def test_a_nik_after_kasus_is_deleted_even_for_someone_not_registered(
    harness: BotHarness, schema: str
) -> None:
    stranger = harness.user(5555)
    reply = await stranger.send(f"/kasus {NIK}")
    assert reply.text == said("access-unregistered")
    assert all(NIK not in text for text in texts(harness, stranger))
