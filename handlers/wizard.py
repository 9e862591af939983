"""The conversation engine: one question at a time, each answer committed before the next.

A `Wizard` is a conversation (/lapor, /siaran, /pengumuman, /start, a case note): an IntEnum
of steps, a draft dataclass of answers, the question each step asks and which step follows.
Handlers read the draft with `draft()`, change it inside `edit()`, and reply with `ask()` or
`proceed()`, which write the step and the answers in one small committed upsert *before* the
question goes out: a kill at any moment loses no acknowledged answer, at worst the current
question is asked again. A typed answer that fails its check raises `BadAnswer`; the engine
explains it and asks the same step again. Wrong input, stale buttons and a repeated entry
command get the same generic handling in every wizard.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterator,
    Mapping,
    Sequence,
)
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict, dataclass, fields
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.runtime.answers import BadAnswer
from bot.runtime.callbacks import TOKEN, reserve_prefix
from bot.runtime.chat_state import ChatStates, Saved
from bot.runtime.context import BotContext

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound=IntEnum)
D = TypeVar("D", bound="DataclassInstance")
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]
TYPED = filters.TEXT & ~filters.COMMAND
END = ConversationHandler.END
_KEEP = "keep:"


@dataclass(frozen=True)
class Texts:
    """Catalog keys of a wizard's generic replies; `needs` says what each step expects."""

    command: str
    resume: str
    needs: Mapping[Any, str]
    need_button: str = "wrong-need-button"
    busy: str | None = None  # how "one composition at a time" names this one


class Wizard(Generic[S, D]):
    """One conversation's steps, draft and questions (see the module docstring)."""

    # Every wizard, and the compositions a user may have only one of at a time.
    every: ClassVar[list[Wizard[Any, Any]]] = []
    composing: ClassVar[list[Wizard[Any, Any]]] = []

    def __init__(
        self,
        name: str,
        prefix: str,
        steps: type[S],
        draft: type[D],
        texts: Texts,
        prompts: Mapping[S, Callable[[BotContext, D], tuple[str, Markup]]],
        follows: Callable[[S, D], S],
        shows: Mapping[S, Callable[[Update, BotContext, D, str | None], Awaitable[S]]] = {},
    ) -> None:
        reserve_prefix(prefix, name)
        self.name, self.prefix, self.steps, self.draft_type = name, prefix, steps, draft
        self.texts, self.prompts, self.follows, self.shows = texts, prompts, follows, shows
        Wizard.every.append(self)
        if texts.busy:
            Wizard.composing.append(self)

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

    async def begin(
        self,
        update: Update,
        context: BotContext,
        draft: D,
        step: S,
        note: str | None = None,
        *,
        first: tuple[str, Markup] | None = None,
    ) -> S:
        """Start afresh with `draft` (a new row), then ask `step` as `ask` does."""
        chat = _chat_id(update)
        await context.services.chats.start(context.state, chat, self.name, _saved(step, draft))
        return await self.ask(update, context, step, note, first=first)

    async def ask(
        self,
        update: Update,
        context: BotContext,
        step: S,
        note: str | None = None,
        *,
        first: tuple[str, Markup] | None = None,
    ) -> S:
        """Commit the draft at `step`, then send `first` if given and the step's question."""
        draft = await self.commit(update, context, step)
        if first is not None:
            await context.bot.send_message(_chat_id(update), first[0], reply_markup=first[1])
        if step in self.shows:
            return await self.shows[step](update, context, draft, note)
        text, markup = self.prompts[step](context, draft)
        body = f"{note}\n\n{text}" if note else text
        await context.bot.send_message(_chat_id(update), body, reply_markup=markup)
        return step

    async def commit(self, update: Update, context: BotContext, step: S) -> D:
        """Write the draft at `step` unless the row already says so; before any reply."""
        draft = self.draft(context)
        saved = _saved(step, draft)
        if context.state.drafts.get(self.name) != saved:
            await context.services.chats.save(context.state, _chat_id(update), self.name, saved)
        context.pending_drafts.pop(self.name, None)
        return draft

    async def proceed(
        self,
        update: Update,
        context: BotContext,
        done: S,
        note: str | None = None,
        *,
        first: tuple[str, Markup] | None = None,
    ) -> S:
        """Ask whatever comes after the step just answered."""
        step = self.follows(done, self.draft(context))
        return await self.ask(update, context, step, note, first=first)

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

    @staticmethod
    def in_progress(context: BotContext) -> Wizard[Any, Any] | None:
        """The conversation the user is in the middle of, if any."""
        return next((w for w in Wizard.every if w.active(context)), None)

    def busy_elsewhere(self, context: BotContext) -> str | None:
        """Why this one cannot start: another composition is in progress (a catalog text)."""
        for other in Wizard.composing:
            if other is not self and other.active(context) and other.texts.busy:
                return context.t("busy-elsewhere", what=context.t(other.texts.busy))
        return None

    # -- buttons ----------------------------------------------------------------------------
    def data(self, what: str, value: object = None) -> str:
        """Callback data of one of this wizard's buttons."""
        return f"{self.prefix}:{what}" + ("" if value is None else f":{value}")

    @staticmethod
    def value(update: Update) -> str:
        """The value part of the tapped button (what follows its last ':')."""
        assert update.callback_query is not None and update.callback_query.data is not None
        return update.callback_query.data.rsplit(":", 1)[-1]

    def button(
        self, callback: Handler, what: str, value: str | None = None
    ) -> BaseHandler[Any, Any, Any]:
        """A handler for the `what` button (its value matching `value`, a regex, if given)."""
        tail = "" if value is None else f":(?:{value})"
        return CallbackQueryHandler(callback, pattern=f"^{self.prefix}:{what}{tail}$")

    # -- generic replies --------------------------------------------------------------------
    async def wrong_input(self, update: Update, context: BotContext) -> S:
        """Explain what the current step needs and ask it again, keeping every answer."""
        step, message = self.step(context), update.effective_message
        if message is not None and message.text and message.text.startswith("/"):
            key = self.texts.command
        else:
            key = self.texts.needs.get(step, self.texts.need_button)
        return await self.ask(update, context, step, context.t(key))

    async def stale_button(self, update: Update, context: BotContext) -> S:
        """Say that the button belongs to an earlier question, and ask the current one again."""
        assert update.callback_query is not None
        await update.callback_query.answer(context.t("wrong-stale-button-short"))
        return await self.ask(update, context, self.step(context), context.t("wrong-stale-button"))

    async def resume(self, update: Update, context: BotContext) -> S:
        """Continue the conversation in progress when its command is sent again."""
        return await self.ask(update, context, self.step(context), context.t(self.texts.resume))

    # -- assembly ---------------------------------------------------------------------------
    def conversation(
        self,
        entry_points: Sequence[BaseHandler[Any, Any, Any]],
        states: Mapping[S, Sequence[BaseHandler[Any, Any, Any]]],
        fallbacks: Sequence[BaseHandler[Any, Any, Any]] = (),
        command: str | None = None,
        catch_commands: bool = True,
    ) -> ConversationHandler[Any]:
        """The persistent ConversationHandler, each step's handlers guarded (`_guard`).

        Other commands are answered as wrong input unless `catch_commands` is False, when they
        go on to their usual handlers (help, language) while the conversation waits.
        """
        for step, handlers in states.items():
            for handler in handlers:
                handler.callback = self._guard(handler.callback, step)
        generic: list[BaseHandler[Any, Any, Any]] = [
            CallbackQueryHandler(self._guard(self.stale_button), pattern=f"^{self.prefix}:"),
            MessageHandler(
                filters.ALL if catch_commands else filters.ALL & ~filters.COMMAND,
                self._guard(self.wrong_input),
            ),
        ]
        if command:
            generic.insert(0, CommandHandler(command, self._guard(self.resume)))
        return ConversationHandler(
            entry_points=list(entry_points),
            states={step: list(handlers) for step, handlers in states.items()},
            fallbacks=[*self._guarded(fallbacks), *generic],
            name=self.name,
            persistent=True,
            allow_reentry=False,
        )

    def _guarded(
        self, handlers: Sequence[BaseHandler[Any, Any, Any]]
    ) -> Sequence[BaseHandler[Any, Any, Any]]:
        for handler in handlers:
            handler.callback = self._guard(handler.callback)
        return handlers

    def _guard(self, callback: Handler, step: S | None = None) -> Handler:
        """Re-ask the step a failed check was about; heal a step PTB remembers wrongly."""

        @functools.wraps(callback)
        async def guarded(update: Update, context: BotContext) -> Any:
            if not self.active(context):
                return await self._lost(update, context)
            current = self.step(context)
            if step is not None and current != step:
                # The row moved on but the reply failed, so PTB kept the old step: the row wins.
                return await self.ask(update, context, current)
            try:
                return await callback(update, context)
            except BadAnswer as bad:
                note = context.t(bad.key, **bad.args_)
                return await self.ask(update, context, self.step(context), note)

        return guarded

    async def _lost(self, update: Update, context: BotContext) -> int:
        if update.callback_query:
            await update.callback_query.answer(context.t("wrong-stale-button-short"))
        await context.bot.send_message(_chat_id(update), context.t("flow-lost"))
        return END


def _saved(step: IntEnum, draft: DataclassInstance) -> Saved:
    return Saved(int(step), asdict(draft))


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def typed_text(update: Update) -> str:
    """The text of the message being handled (the step's filter guarantees one)."""
    assert update.message is not None and update.message.text is not None
    return update.message.text


__all__ = ["END", "TOKEN", "TYPED", "Texts", "Wizard", "typed_text"]
