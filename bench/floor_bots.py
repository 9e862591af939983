"""The floor psm-bot is compared with: a bare PTB bot making the same Bot API calls.

A `Script` records the calls psm-bot made at each step of a report; `floor_bot` is a
ConversationHandler that, for each step, makes those calls through PTB's own methods, with no
database behind it; `echo_bot` answers every message once, for scale.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bench.report_bots import Driven
from bot.sandbox.telegram.server_support import RecordedRequest
from bot.sandbox.telegram.telegram_server import FakeTelegramServer

Call = tuple[str, dict[str, Any]]
MARKUPS = {
    "inline_keyboard": InlineKeyboardMarkup,
    "keyboard": ReplyKeyboardMarkup,
    "remove_keyboard": ReplyKeyboardRemove,
}


class Script:
    """The Bot API calls psm-bot made for each update of one report, in order."""

    def __init__(self, bot: Driven) -> None:
        self.bot = bot
        self.steps: list[list[Call]] = []
        self._calls: list[RecordedRequest] = []
        bot.server.listeners.append(self._heard)
        bot.on_handled = self.cut

    def _heard(self, request: RecordedRequest) -> None:
        if request.method != "getUpdates":
            self._calls.append(request)

    def cut(self) -> None:
        """The update being recorded has been handled: what came since is its step."""
        self.steps.append([(r.method, dict(r.params)) for r in self._calls])
        self._calls = []

    def stop(self) -> None:
        self.bot.server.listeners.remove(self._heard)
        self.bot.on_handled = None


def _snake(method: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", method).lower()


def _prepared(calls: list[Call], bot: Bot) -> list[tuple[str, dict[str, Any]]]:
    """Each call as a PTB method and its arguments, reply markups as PTB objects."""
    prepared = []
    for method, params in calls:
        arguments = {k: v for k, v in params.items() if k not in ("chat_id", "message_id")}
        markup = arguments.get("reply_markup")
        if isinstance(markup, dict):
            [kind] = [MARKUPS[key] for key in markup if key in MARKUPS]
            arguments["reply_markup"] = kind.de_json(markup, bot)
        arguments.pop("callback_query_id", None)
        prepared.append((_snake(method), arguments))
    return prepared


async def floor_bot(script: Script) -> Driven:
    """A bare ConversationHandler making, at each step, the calls psm-bot made there."""
    server = FakeTelegramServer()
    await server.start()
    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(64)
        .build()
    )
    steps = [_prepared(calls, app.bot) for calls in script.steps]

    def replay(step: int) -> Any:
        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
            chat = update.effective_chat
            assert chat is not None
            query = update.callback_query
            for method, arguments in steps[step]:
                where: dict[str, Any] = {}
                if method == "answer_callback_query":
                    assert query is not None
                    where["callback_query_id"] = query.id
                elif method.startswith("edit_message"):
                    assert query is not None and query.message is not None
                    where = {"chat_id": chat.id, "message_id": query.message.message_id}
                elif method == "delete_message":
                    # psm-bot deletes the message with the NIK the PSM typed.
                    assert update.effective_message is not None
                    where = {"chat_id": chat.id, "message_id": update.effective_message.message_id}
                else:
                    where["chat_id"] = chat.id
                await getattr(context.bot, method)(**where, **arguments)
            return step + 1 if step + 1 < len(steps) else ConversationHandler.END

        return handle

    app.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("lapor", replay(0))],
            states={
                step: [
                    MessageHandler(filters.ALL, replay(step)),
                    CallbackQueryHandler(replay(step)),
                ]
                for step in range(1, len(steps))
            },
            fallbacks=[],
        )
    )
    driven = Driven(server, app)
    await driven.start()
    return driven


async def echo_bot() -> Driven:
    """A bare PTB bot answering every update with one message."""
    server = FakeTelegramServer()
    await server.start()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "ok")

    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .concurrent_updates(64)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.add_handler(CallbackQueryHandler(echo))
    driven = Driven(server, app)
    await driven.start()
    return driven
