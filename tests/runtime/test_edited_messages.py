"""An edited message is not a new answer: the user is told, the conversation is untouched."""

from __future__ import annotations

from storage.cases import Case
from storage.conversations import ConversationDraft
from tests.conftest import ADMIN_ID
from tests.factories import add_user, fetch
from tests.harness import BotHarness

PSM_ID = 1001


async def test_editing_an_answer_mid_report_changes_nothing_and_says_why(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    await chat.send("/lapor")
    await chat.tap("Lansia")
    await chat.tap("Lanjut Usia Telantar")
    assert "NIK" in (await chat.send("Mak Onah")).text
    name_answer = chat.sent_by_user()[-1]

    reply = await chat.edit(name_answer, "Mak Onih")
    assert "tidak dibaca ulang" in reply.text and len(reply.messages) == 1
    reply = await chat.edit(name_answer, "/lapor")
    assert "tidak dibaca ulang" in reply.text and len(reply.messages) == 1

    # The report goes on at the NIK step with the name as first typed.
    assert "kecamatan" in (await chat.send("3671015203500001")).text
    assert "alamat" in (await chat.tap("Kelurahan saya")).text
    [draft] = await fetch(schema, ConversationDraft, telegram_id=PSM_ID)
    assert draft.conversation == "report" and draft.data["name"] == "Mak Onah"
    assert harness.telegram.sent_to(ADMIN_ID) == []
    assert await fetch(schema, Case) == []
