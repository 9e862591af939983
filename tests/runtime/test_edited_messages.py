"""An edited message is not a new answer: the user is told, the conversation is untouched."""

from __future__ import annotations

from storage.cases import Case
from storage.conversations import ConversationDraft
from tests.conftest import ADMIN_ID
from tests.factories import add_user, fetch
from tests.harness import BotHarness
from tests.texts import said

PSM_ID = 1001


async def test_editing_an_answer_mid_report_changes_nothing_and_says_why(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID)
    chat = harness.user(PSM_ID)
    await chat.send("/lapor")
    await chat.tap("Lansia")
    await chat.tap("Lanjut Usia Telantar")
    assert said("report-ask-nik") in (await chat.send("Mak Onah")).text
    name_answer = chat.sent_by_user()[-1]

    reply = await chat.edit(name_answer, "Mak Onih")
    assert said("edit-not-read") in reply.text and len(reply.messages) == 1
    reply = await chat.edit(name_answer, "/lapor")
    assert said("edit-not-read") in reply.text and len(reply.messages) == 1

    # The report goes on at the NIK step with the name as first typed.
    assert said("report-ask-kecamatan") in (await chat.send("3671015203500001")).text
    own = said("button-my-kelurahan", kelurahan="Sukarasa")
    assert said("report-ask-address") in (await chat.tap(own)).text
    [draft] = await fetch(schema, ConversationDraft, telegram_id=PSM_ID)
    assert draft.conversation == "report" and draft.data["name"] == "Mak Onah"
    assert harness.telegram.sent_to(ADMIN_ID) == []
    assert await fetch(schema, Case) == []
