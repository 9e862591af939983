"""Start-up with Telegram out of reach: wait for it with growing pauses instead of exiting.

A network blip at boot (the server's link not up yet, Telegram briefly down) must not need a
supervisor to restart the bot; a wrong token, on the other hand, is reported at once.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.runtime.settings import Settings

_log = logging.getLogger(__name__)
FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0


async def wait_for_telegram(
    settings: Settings, first: float = FIRST_PAUSE, longest: float = LONGEST_PAUSE
) -> None:
    """Return once Telegram answers getMe, logging every failed try and the pause before the
    next (doubling up to `longest`). InvalidToken is raised: retrying cannot fix it."""
    pause, tries = first, 1
    while True:
        bot = Bot(settings.require_token(), base_url=settings.bot_api_base_url)
        try:
            async with bot:  # initialising is getMe
                break
        except InvalidToken:
            raise
        except TelegramError as failure:
            _log.warning(
                "Telegram is not reachable (%s); try %d failed, next in %.0f s",
                failure,
                tries,
                pause,
            )
        await asyncio.sleep(pause)
        pause, tries = min(pause * 2, longest), tries + 1
    if tries > 1:
        _log.info("Telegram is reachable after %d tries", tries)
