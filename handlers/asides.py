"""Commands that only read (/kasus, /bantuan), answered in the middle of a conversation.

The conversation waits: the command is answered as it would be outside it, then the question
the person was at is asked again, so a look at one's cases never costs a half-written report.
Each command's module registers its handler here (`read_only`); the conversations built by
handlers/wizard.py route these commands to `aside`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import CommandHandler

from bot.runtime.context import BotContext

if TYPE_CHECKING:
    from handlers.wizard import Wizard

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]
COMMANDS = ("kasus", "bantuan", "help")
_READERS: dict[str, Handler] = {}


def read_only(command: str, callback: Handler) -> None:
    """Let `command` (one of COMMANDS) be answered by `callback` inside any conversation."""
    assert command in COMMANDS, command
    _READERS[command] = callback


def aside(
    wizard: Wizard[Any, Any], guard: Callable[[Handler], Handler]
) -> CommandHandler[Any, Any]:
    """The handler of the read-only commands inside `wizard`'s conversation."""

    async def answer_then_resume(update: Update, context: BotContext) -> Any:
        """Answer a read-only command, then ask the current question again."""
        assert update.message is not None and update.message.text is not None
        command = update.message.text.split()[0][1:].split("@")[0].lower()
        reader = _READERS.get(command)
        if reader is None:  # not registered in this application: as any other command
            return await wizard.wrong_input(update, context)
        await reader(update, context)
        step = wizard.step(context)
        return await wizard.ask(update, context, step, context.t(wizard.texts.resume))

    return CommandHandler(list(COMMANDS), guard(answer_then_resume))
