"""The conversation engine saves every edit to a draft, even one its handler did not reply to."""

from __future__ import annotations

import pytest
from telegram import Update

from bot.runtime.context import BotContext
from handlers.broadcasts import conversation
from handlers.broadcasts.flow import BROADCAST, Step
from tests.conftest import ADMIN_ID
from tests.factories import TANGERANG, add_user
from tests.harness import BotHarness
from tests.texts import said

SITI, RUDI = 1001, 1002


async def tick_without_replying(update: Update, context: BotContext) -> Step:
    """A handler that changes the draft and returns without `ask`, `say` or `redraw`."""
    with BROADCAST.edit(context) as draft:
        draft.kecamatan = [TANGERANG]
    return Step.KECAMATAN


async def test_an_edit_left_without_a_reply_is_still_there_after_a_restart(
    harness: BotHarness, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_user(schema, SITI)
    await add_user(schema, RUDI, name="Rudi Hartono")
    monkeypatch.setattr(conversation, "toggle_kecamatan", tick_without_replying)
    await harness.restart()
    admin = harness.user(ADMIN_ID)
    await admin.send("/siaran")
    await admin.send("Rapat PSM Jumat 09.00.")
    await admin.tap(said("broadcast-to-pick"))
    keyboard = admin.last_with_buttons()
    await admin.tap("Tangerang", keyboard)

    await harness.restart()
    done = await admin.tap(said("broadcast-button-done"), keyboard)
    assert done.says("broadcast-confirm", count=2)
