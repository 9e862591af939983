"""Typed callback context: the services handlers use, and the caller's chat state and language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.privacy.crypto import Cipher, load_cipher
from bot.reference.categories import Categories
from bot.reference.regions import Regions
from bot.reference.sectors import Sectors
from bot.runtime.chat_state import ChatState, ChatStates
from bot.runtime.clock import Clock
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from storage.db import Sessions

UserData = dict[str, Any]


@dataclass(frozen=True)
class Services:
    """Everything long-lived, created in post_init and closed in post_shutdown."""

    settings: Settings
    engine: AsyncEngine
    sessions: Sessions
    texts: Texts
    regions: Regions
    categories: Categories
    sectors: Sectors
    cipher: Cipher
    clock: Clock
    chats: ChatStates

    def today(self) -> date:
        """Today's date where the users live (TIMEZONE)."""
        return self.clock.now().astimezone(self.settings.tz).date()


def cipher_of(settings: Settings) -> Cipher:
    """The deployment's NIK cipher, from DATA_KEY or the key file."""
    data_key = settings.data_key.get_secret_value() if settings.data_key else None
    return load_cipher(data_key, settings.data_dir)


class BotData:
    """`context.bot_data`: filled in post_init; PTB creates it empty before that."""

    def __init__(self) -> None:
        self.services: Services | None = None


class BotContext(CallbackContext[ExtBot[None], UserData, dict[str, Any], BotData]):
    # Set for every update from a user before any handler runs (handlers/preflight.py).
    chat_state: ChatState | None = None
    _pending: dict[str, Any] | None = None

    @property
    def services(self) -> Services:
        if self.bot_data.services is None:
            raise RuntimeError("services are created in post_init")
        return self.bot_data.services

    @property
    def state(self) -> ChatState:
        if self.chat_state is None:
            raise RuntimeError("no chat state: this update has no user")
        return self.chat_state

    @property
    def pending_drafts(self) -> dict[str, Any]:
        """Drafts edited while handling this update, not yet committed (handlers/drafts.py)."""
        if self._pending is None:
            self._pending = {}
        return self._pending

    @property
    def locale(self) -> str:
        chosen = self.chat_state.locale if self.chat_state else None
        return chosen or self.services.settings.default_locale

    def t(self, key: str, **args: object) -> str:
        """Format a catalog text in the current user's language."""
        return self.services.texts.get(self.locale, key, **args)


BotApp = Application[
    ExtBot[None], BotContext, UserData, dict[str, Any], BotData, JobQueue[BotContext]
]
