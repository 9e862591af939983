"""The error handler: log it by ids, tell the admins, give the user a calm word, never a traceback.

Neither the log line nor the admin's report carries what the user typed or shared: the update
is described by its ids and kind, the exception by its type and code locations.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop
from telegram.helpers import effective_message_type

from bot.runtime.context import BotApp, BotContext
from bot.runtime.logs import describe, safe_traceback
from bot.runtime.texts import MAX_MESSAGE, telegram_length
from handlers.wizard import Wizard

_log = logging.getLogger(__name__)
MAX_ERROR = 300
# Callback data prefixes are short words ("k:l", "r:grp"); anything else may be forged content.
_PREFIX_PART = re.compile(r"[a-z]{1,8}")
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}")


def _button_prefix(data: str) -> str:
    prefix = []
    for part in data.split(":")[:2]:
        if not _PREFIX_PART.fullmatch(part):
            break
        prefix.append(part)
    return ":".join(prefix) or "?"


def _kind(update: Update) -> str:
    if update.callback_query is not None:
        return f"button {_button_prefix(update.callback_query.data or '')}"
    message = update.effective_message
    if message is None:
        return "other update"
    edited = "edited " if update.edited_message or update.edited_channel_post else ""
    command = _COMMAND.match(message.text or "")
    if command:
        return f"{edited}command {command.group(0).split('@')[0]}"
    return edited + (effective_message_type(message) or "message")


def _steps(context: BotContext) -> str:
    """Where the user's conversations stand: each draft's step number, nothing of its content."""
    drafts = context.chat_state.drafts if context.chat_state else {}
    return ", ".join(f"{name} step {saved.step}" for name, saved in drafts.items())


def describe_update(update: object, context: BotContext) -> str:
    """Ids and kind of what was being handled: update, chat, user, button prefix, steps."""
    if not isinstance(update, Update):
        return f"job {context.job.name}" if context.job else "no update"
    parts = [f"update {update.update_id}"]
    if update.effective_chat is not None:
        parts.append(f"chat {update.effective_chat.id}")
    if update.effective_user is not None:
        parts.append(f"user {update.effective_user.id}")
    parts.append(_kind(update))
    if steps := _steps(context):
        parts.append(steps)
    return ", ".join(parts)


def _escaped_tail(text: str, budget: int) -> str:
    """The end of `text` (a traceback ends with what matters), escaped, within `budget`."""
    tail = text[-budget:] if budget > 0 else ""
    escaped = html.escape(tail)
    while telegram_length(escaped) > budget:
        tail = tail[telegram_length(escaped) - budget :]
        escaped = html.escape(tail)
    return escaped


def admin_report(context: BotContext, error: BaseException | None, where: str) -> str:
    """The report for the admins: what failed where, and the traceback's end, within limits."""
    header = context.services.texts.get(
        context.services.settings.default_locale,
        "error-admin",
        error=describe(error)[:MAX_ERROR],
        where=where,
    )
    if error is None:
        return header
    budget = MAX_MESSAGE - telegram_length(header) - len("\n<pre></pre>")
    trace = _escaped_tail(safe_traceback(error), budget)
    return f"{header}\n<pre>{trace}</pre>" if trace.strip() else header


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception by ids, report it to the admin chat(s) and reassure the user."""
    if isinstance(update, Update) and update.effective_user is not None:
        # The database may be what failed: the report goes out without the steps then.
        with contextlib.suppress(Exception):
            context.chat_state = await context.services.chats.load(update.effective_user.id)
    error, where = context.error, describe_update(update, context)
    _log.error("%s while handling %s", describe(error), where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        await _reassure(update, context)
    report = admin_report(context, error, where)
    for chat_id in context.services.settings.admin_chats:
        try:
            await context.bot.send_message(chat_id, report)
        except TelegramError as failure:
            _log.warning("could not report the error to admin chat %s: %s", chat_id, failure)
    if isinstance(update, Update):
        raise ApplicationHandlerStop  # the user has had their answer: no later group may add one


async def _reassure(update: Update, context: BotContext) -> None:
    """Say sorry and, mid-conversation, ask the current question again so the user carries on."""
    assert update.effective_chat is not None
    try:
        wizard = Wizard.in_progress(context) if context.chat_state else None
        if wizard is not None:
            await wizard.ask(update, context, wizard.step(context), context.t("error-user"))
        else:
            await context.bot.send_message(update.effective_chat.id, context.t("error-user"))
    except Exception:
        _log.exception("could not tell user %s about the error", update.effective_chat.id)


def register(application: BotApp) -> None:
    application.add_error_handler(on_error)
