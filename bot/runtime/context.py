"""Typed callback context: the services handlers use, the user's locale and report draft."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.cases.draft import Draft
from bot.privacy.crypto import Cipher
from bot.reference.categories import Categories
from bot.reference.regions import Regions
from bot.reference.sectors import Sectors
from bot.runtime import stored
from bot.runtime.clock import Clock
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from storage.db import Sessions

# Where the report in progress lives in user_data; the follow-up tick reads it too.
REPORT_DRAFT = "draft"

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

    def today(self) -> date:
        """Today's date where the users live (TIMEZONE)."""
        return self.clock.now().astimezone(self.settings.tz).date()


class BotData:
    """`context.bot_data`: filled in post_init; PTB creates it empty before that."""

    def __init__(self) -> None:
        self.services: Services | None = None


class BotContext(CallbackContext[ExtBot[None], UserData, dict[str, Any], BotData]):
    @property
    def services(self) -> Services:
        if self.bot_data.services is None:
            raise RuntimeError("services are created in post_init")
        return self.bot_data.services

    @property
    def locale(self) -> str:
        chosen = (self.user_data or {}).get("locale")
        return chosen if isinstance(chosen, str) else self.services.settings.default_locale

    @locale.setter
    def locale(self, value: str) -> None:
        if self.user_data is not None:
            self.user_data["locale"] = value

    def t(self, key: str, **args: object) -> str:
        """Format a catalog text in the current user's language."""
        return self.services.texts.get(self.locale, key, **args)

    @property
    def draft(self) -> Draft:
        return stored.load(self.user_data, REPORT_DRAFT, Draft)

    @draft.setter
    def draft(self, value: Draft | None) -> None:
        if value is not None:
            # The idle-draft reminder reads this; it goes by the bot's clock, not the host's.
            value.updated_at = self.services.clock.now().isoformat()
        stored.store(self.user_data, REPORT_DRAFT, value)


BotApp = Application[
    ExtBot[None], BotContext, UserData, dict[str, Any], BotData, JobQueue[BotContext]
]
