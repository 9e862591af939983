"""A typed label where buttons are offered: the button's own handler runs as if it were tapped.

`read` finds which of a question's buttons a typed answer names (bot/runtime/choices.py does the
matching); `tap` runs the step's handler for that button with a `TypedTap` in place of Telegram's
callback query, so each step keeps one handler for a tap and a typed label alike.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler

from bot.runtime.choices import pick
from bot.runtime.context import BotContext
from bot.runtime.texts import Html

if TYPE_CHECKING:
    from handlers.wizard import Wizard

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]
AnyHandler = BaseHandler[Any, Any, Any]


@dataclass(frozen=True)
class Named:
    """The buttons a typed answer names: one means that button, several are asked about."""

    labels: tuple[str, ...]
    data: str  # the button's callback data, or the label itself on a reply keyboard
    reply_keyboard: bool


def read(text: str, markup: Markup) -> Named | None:
    """Which of `markup`'s buttons `text` names, if any."""
    offered: list[tuple[str, str]] = []
    if isinstance(markup, InlineKeyboardMarkup):
        offered = [
            (b.text, b.callback_data)
            for row in markup.inline_keyboard
            for b in row
            if isinstance(b.callback_data, str)
        ]
    elif isinstance(markup, ReplyKeyboardMarkup):
        offered = [
            (b, b) if isinstance(b, str) else (b.text, b.text)
            for row in markup.keyboard
            for b in row
            if isinstance(b, str) or not (b.request_location or b.request_contact)
        ]
    found = pick(text, [label for label, _ in offered])
    if not found:
        return None
    labels = tuple(offered[i][0] for i in found)
    return Named(labels, offered[found[0]][1], isinstance(markup, ReplyKeyboardMarkup))


class TypedTap(CallbackQuery):
    """A tap read from a typed message: nothing to answer, and no prompt of ours to edit."""

    def __init__(self, message: Message, data: str, prompt: str) -> None:
        assert message.from_user is not None
        super().__init__(
            id=f"typed-{message.message_id}",
            from_user=message.from_user,
            chat_instance=str(message.chat_id),
            message=message,
            data=data,
        )
        with self._unfrozen():
            self.prompt = prompt
        self.set_bot(message.get_bot())

    async def answer(self, text: str | None = None, *args: Any, **kwargs: Any) -> bool:
        # What a tap shows as a popup, a typed answer gets as a message.
        if text:
            await self._typed.reply_text(text)
        return True

    async def edit_message_text(
        self, text: str, *args: Any, reply_markup: Markup = None, **kwargs: Any
    ) -> Message:
        return await self._typed.reply_text(text, reply_markup=reply_markup)

    async def edit_message_reply_markup(
        self, reply_markup: Markup = None, *args: Any, **kwargs: Any
    ) -> Message:
        # The question with its keyboard as it is now (a multiple choice ticks what was typed).
        return await self._typed.reply_text(self.prompt, reply_markup=reply_markup)

    @property
    def _typed(self) -> Message:
        """The typed message: replies to it go to the chat that typed it."""
        assert isinstance(self.message, Message)
        return self.message


async def tap(
    update: Update,
    context: BotContext,
    named: Named,
    prompt: str,
    handlers: Sequence[AnyHandler],
) -> tuple[bool, Any]:
    """Run the handler of the named button; (False, None) when none of `handlers` takes it."""
    message = update.message
    assert message is not None
    if named.reply_keyboard:  # the label typed exactly, as the keyboard would have sent it
        typed = Message(
            message.message_id, message.date, message.chat, message.from_user, text=named.data
        )
        typed.set_bot(message.get_bot())
        tapped = Update(update.update_id, message=typed)
        kind: type[AnyHandler] = MessageHandler
    else:
        tapped = Update(update.update_id, callback_query=TypedTap(message, named.data, prompt))
        kind = CallbackQueryHandler
    for handler in handlers:
        if isinstance(handler, kind) and handler.check_update(tapped):
            return True, await handler.callback(tapped, context)
    return False, None


async def answer(
    wizard: Wizard[Any, Any], update: Update, context: BotContext, *, ambiguous: bool
) -> tuple[bool, Any]:
    """Take a typed label of the current question's buttons as their tap; a label that fits
    several asks again naming them, unless `ambiguous` is False. (False, None): not a label."""
    message, step = update.message, wizard.step(context)
    if message is None or not message.text or message.text.startswith("/"):
        return False, None
    if step not in wizard.prompts:  # a step that shows itself gives its buttons there too
        return False, None
    prompt, markup = wizard.prompts[step](context, wizard.draft(context))
    named = read(message.text, markup)
    if named is None or (len(named.labels) > 1 and not ambiguous):
        return False, None
    if len(named.labels) > 1:
        choices = Html(", ".join(f"<b>{html.escape(label)}</b>" for label in named.labels))
        note = context.t("typed-choice-ambiguous", choices=choices)
        return True, await wizard.ask(update, context, step, note)
    return await tap(update, context, named, prompt, wizard.states.get(step, ()))


def label_or(wizard: Wizard[Any, Any], callback: Handler, *, ambiguous: bool) -> Handler:
    """`callback`, unless the message is a typed label of the question's buttons (`answer`)."""

    @functools.wraps(callback)
    async def typed_label_or(update: Update, context: BotContext) -> Any:
        handled, result = await answer(wizard, update, context, ambiguous=ambiguous)
        return result if handled else await callback(update, context)

    return typed_label_or


def take_labels(wizard: Wizard[Any, Any], states: Mapping[Any, Sequence[AnyHandler]]) -> None:
    """Let every step with buttons take their labels typed; a step that also takes typed text
    gets it when the text names no single button."""
    wizard.states = states
    for handlers in states.values():
        if any(isinstance(h, CallbackQueryHandler) for h in handlers):
            for handler in handlers:
                if isinstance(handler, MessageHandler):
                    handler.callback = label_or(wizard, handler.callback, ambiguous=False)
