"""/bahasa: each user's language, switched at any moment."""

from __future__ import annotations

from tests.conftest import ADMIN_ID
from tests.harness import BotHarness
from tests.texts import said

USER_ID = 1001


async def test_a_double_tap_on_a_language_switches_once_and_quietly(harness: BotHarness) -> None:
    chat = harness.user(USER_ID)
    menu = (await chat.send("/bahasa")).last
    await chat.tap_data("lang:en", menu)
    second = await chat.tap_data("lang:en", menu)  # the same press, delivered twice
    assert second.messages == []
    assert chat.history()[-1]["text"] == said("language-set", "en")
    assert harness.telegram.sent_to(ADMIN_ID) == []
    harness.telegram.assert_no_rejections()
