"""The conversation engine: one question at a time, each answer committed before the next.

A `Wizard` is a conversation (/lapor, /siaran, /pengumuman, /start, a case note): an IntEnum
of steps, a draft dataclass (handlers/drafts.py), the question each step asks and which step
follows. Handlers change the draft inside `edit()` and reply with `ask()`, `proceed()`, or,
staying at the step, `say()` or `redraw()`; each commits step and answers *before* the reply
goes out, so a kill at any moment loses no acknowledged answer (an edit a handler leaves
without replying is saved when it returns). A failed check raises `BadAnswer`, and the engine
asks the same step again with its explanation; wrong input, stale buttons and a repeated
command are handled alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.runtime.answers import BadAnswer
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers import asides, typed_choices
from handlers.drafts import END, D, DraftSlot, S, chat_id
from handlers.drafts import Markup as Markup  # the type of a prompt's keyboard, for the wizards

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]
TYPED = filters.TEXT & ~filters.COMMAND
C = TypeVar("C", bound=Callback)


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
        steps: type[S],
        draft: type[D],
        texts: Texts,
        prompts: Mapping[S, Callable[[BotContext, D], tuple[str, Markup]]],
        follows: Callable[[S, D], S],
        shows: Mapping[S, Callable[[Update, BotContext, D, str | None], Awaitable[S]]] = {},
    ) -> None:
        super().__init__(name, steps, draft)
        self._kinds: set[str] = set()  # button prefixes, for the stale-button answer
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

    # -- buttons: typed `Callback` kinds (bot/runtime/callbacks.py) ---------------------------
    def button(
        self, callback: Handler, kind: type[Callback], **fixed: object
    ) -> BaseHandler[Any, Any, Any]:
        """A handler for buttons of `kind` (with the fields in `fixed` held to those values)."""
        self._kinds.add(kind.PREFIX)
        return CallbackQueryHandler(callback, pattern=kind.pattern(**fixed))

    @staticmethod
    def tapped(update: Update, kind: type[C]) -> C:
        """The tapped button, parsed (its handler's pattern let only a well-formed one in)."""
        query = update.callback_query
        button = kind.decode(query.data if query else None)
        assert button is not None, "the handler's pattern admits only this kind"
        return button

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
        for handler in entry_points:
            handler.callback = self._taking(handler.callback)
        for step, handlers in [*states.items(), (None, fallbacks)]:
            for handler in handlers:
                handler.callback = self._guard(handler.callback, step)
        wrong = typed_choices.label_or(self, self.wrong_input, ambiguous=True)
        generic: list[BaseHandler[Any, Any, Any]] = [
            *([CommandHandler(command, self._guard(self.resume))] if command else []),
            *([asides.aside(self, self._guard)] if catch_commands else []),
            CallbackQueryHandler(self._guard(self.stale_button), pattern=self._stale_pattern()),
            MessageHandler(
                filters.ALL & ~filters.COMMAND if not catch_commands else filters.ALL,
                self._guard(wrong),
            ),
        ]
        return ConversationHandler(
            entry_points=list(entry_points), fallbacks=[*fallbacks, *generic],
            states={step: list(handlers) for step, handlers in states.items()},
            name=self.name, persistent=True, allow_reentry=False,
        )  # fmt: skip

    def _stale_pattern(self) -> str:  # a button of this wizard that no step waits for now
        kinds = "|".join(sorted(re.escape(prefix) for prefix in self._kinds))
        return f"^(?:{kinds})(?::|$)"

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

        return self._taking(guarded)

    def _taking(self, callback: Handler) -> Handler:
        """Save an edit the handler left staged, then give PTB the next step and stop the later
        handler groups (handlers/groups.py): the update has been answered."""

        @functools.wraps(callback)
        async def taken(update: Update, context: BotContext) -> Any:
            step = await callback(update, context)
            await self.save_staged(update, context)
            raise ApplicationHandlerStop(step)

        return taken

    async def _lost(self, update: Update, context: BotContext) -> int:
        if update.callback_query:
            await update.callback_query.answer(context.t("wrong-stale-button-short"))
        await context.bot.send_message(chat_id(update), context.t("flow-lost"))
        return END
