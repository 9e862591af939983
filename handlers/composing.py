"""What /siaran and /pengumuman share: the author's rights fixed at the start, checked at the end.

Composing snapshots what the author may address (bot.delivery.rights_of) into the draft, so
every step offers the same choices without asking the database; confirming checks the author
again, since their role or areas may have changed meanwhile.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, TypeVar

from telegram import Update

from bot.delivery import NOT_ALLOWED, AudienceRefused, Rights, rights_of
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.drafts import END
from handlers.wizard import Wizard
from storage.people import User

S = TypeVar("S", bound=IntEnum)


async def start_composing(
    update: Update, context: BotContext, wizard: Wizard[Any, Any], not_allowed: str
) -> tuple[User, Rights] | None:
    """The author and their rights; or None, after saying why they cannot compose now."""
    assert update.effective_user is not None
    async with context.services.sessions() as session:
        author = await get_user(session, update.effective_user.id)
    rights = rights_of(author, context.services.regions)
    refusal = wizard.busy_elsewhere(context)
    if refusal is None and (author is None or rights is None):
        refusal = context.t(not_allowed)
    if refusal is None:
        assert author is not None and rights is not None
        return author, rights
    if update.callback_query:
        await update.callback_query.answer(refusal, show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(refusal)
    return None


async def refused_at_confirm(
    update: Update,
    context: BotContext,
    wizard: Wizard[S, Any],
    refused: AudienceRefused,
    keys: tuple[str, str],
    audience_step: S,
) -> S | int:
    """Choose the audience again; or, if the author may no longer address anyone, stop.

    `keys`: the catalog prefix of audience refusals, and the text for "not allowed".
    """
    prefix, not_allowed = keys
    if str(refused) != NOT_ALLOWED:
        return await wizard.ask(update, context, audience_step, context.t(f"{prefix}{refused}"))
    await wizard.end(context)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t(not_allowed))
    return END
