"""A conversation's draft row as handlers see it: typed, edited in one place, committed.

`DraftSlot` is the storage half of the conversation engine (handlers/wizard.py): it reads the
draft a conversation has committed, lets a handler change it inside `edit()`, writes it with
`commit()` (one small upsert, before any reply: `say` and `redraw` reply at the same step; the
engine's `ask` with a new question), and deletes it in the transaction that ends the
conversation (`finishing`, `end`).
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict, fields
from enum import IntEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import ConversationHandler

from bot.runtime.chat_state import ChatStates, Saved
from bot.runtime.context import BotContext

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound=IntEnum)
D = TypeVar("D", bound="DataclassInstance")
END = ConversationHandler.END
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
_KEEP = "keep:"


class DraftSlot(Generic[S, D]):
    """Where one conversation keeps its step and answers for each user."""

    def __init__(self, name: str, steps: type[S], draft: type[D]) -> None:
        self.name, self.steps, self.draft_type = name, steps, draft

    # -- the draft ------------------------------------------------------------------------
    def active(self, context: BotContext) -> bool:
        return self.name in context.state.drafts

    def draft(self, context: BotContext) -> D:
        """The answers so far, with this update's edits; LookupError when none is in progress."""
        pending = context.pending_drafts.get(self.name)
        if pending is not None:
            return pending  # type: ignore[no-any-return]
        saved = context.state.drafts.get(self.name)
        if saved is None:
            raise LookupError(f"no {self.name} in progress")
        known = {f.name for f in fields(self.draft_type)}
        # A copy: edits must not reach the committed answers until `commit` writes them.
        data = copy.deepcopy(saved.data)
        return self.draft_type(**{k: v for k, v in data.items() if k in known})

    def step(self, context: BotContext) -> S:
        return self.steps(context.state.drafts[self.name].step)

    @contextmanager
    def edit(self, context: BotContext) -> Iterator[D]:
        """Change the draft; kept for the next `ask` only if the block finishes without error."""
        draft = self.draft(context)
        yield draft
        context.pending_drafts[self.name] = draft

    async def start(self, update: Update, context: BotContext, draft: D, step: S) -> None:
        """Begin afresh with `draft` at `step`: a new row, whatever an earlier one left."""
        chat = chat_id(update)
        await context.services.chats.start(context.state, chat, self.name, as_saved(step, draft))

    async def commit(self, update: Update, context: BotContext, step: S) -> D:
        """Write the draft at `step` unless the row already says so; before any reply."""
        draft = self.draft(context)
        saved = as_saved(step, draft)
        if context.state.drafts.get(self.name) != saved:
            await context.services.chats.save(context.state, chat_id(update), self.name, saved)
        context.pending_drafts.pop(self.name, None)
        return draft

    async def save_staged(self, update: Update, context: BotContext) -> None:
        """Commit an edit a handler left staged (it replied without the engine), at its step."""
        if self.name in context.pending_drafts and self.active(context):
            await self.commit(update, context, self.step(context))

    async def say(self, update: Update, context: BotContext, text: str, markup: Markup = None) -> S:
        """Commit the draft where it stands, then say `text` without a new question."""
        step = self.step(context)
        await self.commit(update, context, step)
        await context.bot.send_message(chat_id(update), text, reply_markup=markup)
        return step

    async def redraw(self, update: Update, context: BotContext, markup: InlineKeyboardMarkup) -> S:
        """Commit the draft where it stands, then redraw the tapped keyboard (a tick changed)."""
        step = self.step(context)
        await self.commit(update, context, step)
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_reply_markup(markup)
        return step

    @asynccontextmanager
    async def finishing(self, context: BotContext) -> AsyncIterator[AsyncSession]:
        """A transaction that ends the conversation: its draft goes in the same commit, unless
        the block calls `keep` because the conversation goes on after all."""
        context.pending_drafts.pop(_KEEP + self.name, None)
        async with context.services.sessions.begin() as session:
            yield session
            finished = context.pending_drafts.pop(_KEEP + self.name, None) is None
            if finished:
                await ChatStates.delete(session, context.state.telegram_id, self.name)
        if finished:
            ChatStates.forget(context.state, self.name)
            context.pending_drafts.pop(self.name, None)

    def keep(self, context: BotContext) -> None:
        """Inside `finishing`: the conversation is not over, keep its draft."""
        context.pending_drafts[_KEEP + self.name] = True

    async def end(self, context: BotContext) -> int:
        """Forget the draft (nothing else to commit) and end the conversation."""
        async with self.finishing(context):
            pass
        return END


def as_saved(step: IntEnum, draft: DataclassInstance) -> Saved:
    return Saved(int(step), asdict(draft))


def chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
