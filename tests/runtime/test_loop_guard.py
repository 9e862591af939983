"""The slow-callback guard (tests/loop_guard.py) catches a handler that blocks the loop."""

from __future__ import annotations

import asyncio
import time

from telegram import Update
from telegram.ext import CommandHandler

from bot.runtime.context import BotContext
from tests.harness import BotHarness
from tests.loop_guard import THRESHOLD, SlowCallbacks


async def computes_too_long(update: Update, context: BotContext) -> None:
    """Compute on the loop past the guard's threshold, as /impor parsed workbooks."""
    started = time.thread_time()
    while time.thread_time() - started < THRESHOLD * 1.5:
        pass
    # The step ends suspended here, so the guard's chain of awaits names this handler whatever
    # the task does next (it used to name the update processor's lock at times).
    await asyncio.sleep(0)


async def test_a_handler_that_computes_on_the_loop_fails_the_test(
    harness: BotHarness, slow_callbacks: SlowCallbacks
) -> None:
    assert harness.app is not None
    harness.app.add_handler(CommandHandler("blokir", computes_too_long), group=-1)
    await harness.user(1001).send("/blokir")
    caught, slow_callbacks.found[:] = list(slow_callbacks.found), []
    assert [line for line in caught if "computes_too_long" in line], caught


async def test_waiting_is_not_blocking(harness: BotHarness, slow_callbacks: SlowCallbacks) -> None:
    await harness.user(1001).send("/bantuan")
    assert slow_callbacks.found == []
