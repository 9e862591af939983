"""The command menu Telegram shows lists every command the bot answers, in each language."""

from __future__ import annotations

from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from tests.harness import BotHarness
from tests.texts import said

ALIASES = {"help"}  # English users may type it; the menu offers /bantuan


def commands_of(handler: BaseHandler[object, object, object]) -> set[str]:
    if isinstance(handler, CommandHandler):
        return set(handler.commands)
    if isinstance(handler, ConversationHandler):
        inner = [*handler.entry_points, *handler.fallbacks]
        inner += [h for step in handler.states.values() for h in step]
        return set().union(*map(commands_of, inner))
    return set()


async def test_the_menu_lists_every_command_the_bot_answers(harness: BotHarness) -> None:
    assert harness.app is not None
    answered = set().union(
        *(commands_of(h) for group in harness.app.handlers.values() for h in group)
    )
    menus = [r.params for r in harness.telegram.requests if r.method == "setMyCommands"]
    for locale in ("id", "en"):
        [menu] = [m["commands"] for m in menus if m.get("language_code") == locale]
        assert {c["command"] for c in menu} == answered - ALIASES
        described = {c["command"]: c["description"] for c in menu}
        assert described["audit"] == said("command-audit", locale)
