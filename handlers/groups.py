"""Handler groups: when each kind of handler sees an update, declared here and nowhere else.

PTB offers an update to its handler groups from the lowest number up, and lets at most one
handler of each group take it. Every handler that answers an update stops the later groups
(ApplicationHandlerStop): the conversations do it in the engine (handlers/wizard.py), plain
commands and buttons through `answering`. So a feature registers its handlers in any order,
each in the group named for it, and an update is answered once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Iterable
from enum import IntEnum
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler

from bot.runtime.context import BotApp, BotContext

# A handler callback: it answers one update.
Reply = Callable[[Update, BotContext], Coroutine[Any, Any, object]]


class Group(IntEnum):
    """Tried in this order; the comments say why each comes where it does."""

    PREFLIGHT = -100  # the caller's chat state; a button without data answered and stopped
    ACTIVITY = -90  # when each person last wrote; never stops an update
    EDITS = -80  # an edited message is explained and stopped: it would replay an answer
    ANYTIME = -70  # /bahasa and /hadir, even in the middle of a conversation
    # Conversations: one a user may start inside another comes first, so that what they type
    # goes to the one started last. A note on a case is started from a card in mid-report;
    # a coordinator composing must not be sent into /lapor by typing it.
    CASE_INPUT = -60
    BROADCAST = -59
    ANNOUNCEMENT = -58
    PERSON_EDIT = -57
    ROSTER_UPLOAD = -56
    PROFILE = -55
    REPORT = -54
    SIGNUP = -53
    REKAP = -52  # after the compositions: a /rekap left waiting for dates takes no answer
    COMMANDS = 0  # commands and buttons outside conversations; their commands and prefixes differ
    REPLIES = 50  # a text or photo nothing above took, about a case (handlers/cases/replies.py)
    FALLBACK = 100  # what nothing else took: an old button, a word of help


def add(application: BotApp, group: Group, handlers: Iterable[BaseHandler[Any, Any, Any]]) -> None:
    """Register `handlers` in `group`; plain ones in COMMANDS answer and stop (`answering`)."""
    for handler in handlers:
        if group is Group.COMMANDS:
            handler.callback = answering(handler.callback)
        application.add_handler(handler, group)


def answering(callback: Reply) -> Reply:
    """The callback, and then no later group: the update has been answered."""

    @functools.wraps(callback)
    async def answered(update: Update, context: BotContext) -> None:
        await callback(update, context)
        raise ApplicationHandlerStop

    return answered
