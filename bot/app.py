"""Application factory: wires settings, storage, services and handlers together."""

from __future__ import annotations

import logging
from typing import cast

from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults

from bot.announcements import reminders
from bot.broadcasts import queue
from bot.cases import followup
from bot.delivery import OutboxSender, schedule_sender
from bot.insight import monthly
from bot.people import ensure_admins, schedule_menus, set_default_menus
from bot.records import schedule as schedule_retention
from bot.reference.categories import load_categories
from bot.reference.regions import load_regions
from bot.reference.sectors import load_sectors
from bot.runtime.chat_state import ChatStates
from bot.runtime.clock import Clock
from bot.runtime.context import BotApp, BotContext, BotData, Services, cipher_of
from bot.runtime.health import HealthState, TrackedRequest
from bot.runtime.logs import redact_records
from bot.runtime.persistence import ChatStatePersistence
from bot.runtime.rate_limiter import TelegramRateLimiter
from bot.runtime.settings import Settings
from bot.runtime.texts import Texts
from bot.runtime.updates import PerChatUpdateProcessor
from storage.db import create_engine, create_sessions

_log = logging.getLogger(__name__)
HTTP_CONNECTIONS = 16
# Edited messages would replay old answers into a conversation; nothing else is used.
ALLOWED_UPDATES = ["message", "callback_query"]


def build_application(
    settings: Settings, clock: Clock | None = None, health: HealthState | None = None
) -> BotApp:
    """Build the bot; nothing touches the network or the database until it is started."""
    # However the bot is run (CLI, tests, an embedding), its logs carry no personal data.
    redact_records()
    clock = clock or Clock()
    health = health or HealthState(clock=clock)
    engine = create_engine(settings.db_url)
    sessions = create_sessions(engine)
    texts = Texts(settings.default_locale)
    chats = ChatStates(engine, clock)

    async def post_init(application: BotApp) -> None:
        application.bot_data.services = Services(
            settings=settings,
            engine=engine,
            sessions=sessions,
            texts=texts,
            regions=load_regions(settings.region_file),
            categories=load_categories(settings.category_file),
            sectors=load_sectors(settings.sector_file),
            clock=clock,
            chats=chats,
            cipher=cipher_of(settings),
        )
        async with sessions.begin() as session:
            await ensure_admins(session, settings.admin_ids, clock.now())
        await set_default_menus(application.bot, texts, settings.default_locale)
        _log.info("PSM Bot ready as @%s", application.bot.username)

    async def post_shutdown(application: BotApp) -> None:
        await engine.dispose()

    # The builder's generics cannot follow the custom context types through the chain.
    application = cast(
        BotApp,
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.file_base_url)
        # The requests note each answered call for /healthz. HTTPX looks through every open
        # connection at each request and answer, so PTB's 256 cost more than they served; 16
        # carry ~80 requests/s at Telegram's 0.2 s, above TELEGRAM_MAX_RATE and the replies, and
        # a request waits for a free one rather than failing after PTB's 1 s.
        .request(TrackedRequest(health, connection_pool_size=HTTP_CONNECTIONS, pool_timeout=30))
        .get_updates_request(TrackedRequest(health, connection_pool_size=1))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.tz))
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .persistence(ChatStatePersistence(chats))
        .rate_limiter(TelegramRateLimiter(settings.telegram_max_rate))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build(),
    )
    _register_handlers(application, settings, texts)
    followup.schedule(application, settings)
    reminders.schedule(application)
    schedule_menus(application)
    monthly.schedule(application)
    schedule_retention(application, settings)
    return application


def _register_handlers(application: BotApp, settings: Settings, texts: Texts) -> None:
    """The one place that knows the handler packages; each puts its handlers in the groups
    that decide who answers first (handlers/groups.py), so their order here means nothing."""
    from handlers import (
        announcements,
        broadcasts,
        cases,
        common,
        edits,
        errors,
        insight,
        language,
        people,
        preflight,
        records,
    )

    for feature in (
        preflight,
        edits,
        language,
        people,
        broadcasts,
        announcements,
        insight,
        records,
        common,
        errors,
    ):
        feature.register(application)
    cases.register(application, texts)
    hooks = {queue.BROADCAST: queue.report_delivery, monthly.KIND: monthly.forget_files}
    outbox = OutboxSender(settings, hooks=hooks)
    schedule_sender(application, outbox, settings)
