"""The conversation engine: one question at a time, each answer committed before the next.

A `Wizard` is a conversation (/lapor, /siaran, /pengumuman, /start, a case note): an IntEnum
of steps, a draft dataclass (handlers/drafts.py), the question each step asks and which step
follows. Handlers change the draft inside `edit()` and reply with `ask()` or `proceed()`, which
commit step and answers *before* the question goes out: a kill at any moment loses no
acknowledged answer. A failed check raises `BadAnswer`, and the engine asks the same step again
with its explanation; wrong input, stale buttons and a repeated command are handled alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

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
from bot.runtime.callbacks import reserve_prefix
from bot.runtime.context import BotContext
from handlers import asides, typed_choices
from handlers.drafts import END, D, DraftSlot, S, chat_id

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]
TYPED = filters.TEXT & ~filters.COMMAND


@dataclass(frozen=True)
class Texts:
    """Catalog keys of a wizard's generic replies; `needs` says what each step expects."""

    command: str
    resume: str
    needs: Mapping[Any, str]
    need_button: str = "wrong-need-button"
    busy: str | None = None  # how "one composition at a time" names this one


class Wizard(DraftSlot[S, D]):
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
        super().__init__(name, steps, draft)
        reserve_prefix(prefix, name)
        self.prefix = prefix
        self._kinds: set[str] = set()  # of button, for the stale-button answer (see `button`)
        self.states: Mapping[S, Sequence[BaseHandler[Any, Any, Any]]] = {}
        self.texts, self.prompts, self.follows, self.shows = texts, prompts, follows, shows
        Wizard.every.append(self)
        if texts.busy:
            Wizard.composing.append(self)

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
        await self.start(update, context, draft, step)
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
            await context.bot.send_message(chat_id(update), first[0], reply_markup=first[1])
        if step in self.shows:
            return await self.shows[step](update, context, draft, note)
        text, markup = self.prompts[step](context, draft)
        body = f"{note}\n\n{text}" if note else text
        await context.bot.send_message(chat_id(update), body, reply_markup=markup)
        return step

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
        self._kinds.add(what)
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
        typed_choices.take_labels(self, states)  # a typed button label counts as a tap
        for step, handlers in states.items():
            for handler in handlers:
                handler.callback = self._guard(handler.callback, step)
        generic: list[BaseHandler[Any, Any, Any]] = [
            CallbackQueryHandler(self._guard(self.stale_button), pattern=self._stale_pattern()),
            MessageHandler(
                filters.ALL if catch_commands else filters.ALL & ~filters.COMMAND,
                self._guard(typed_choices.label_or(self, self.wrong_input, ambiguous=True)),
            ),
        ]
        if catch_commands:
            generic.insert(0, asides.aside(self, self._guard))
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

    def _stale_pattern(self) -> str:  # a button of this wizard that no step waits for now
        kinds = "|".join(sorted(re.escape(kind) for kind in self._kinds))
        return f"^{re.escape(self.prefix)}:(?:{kinds})(?::|$)"

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
        await context.bot.send_message(chat_id(update), context.t("flow-lost"))
        return END
