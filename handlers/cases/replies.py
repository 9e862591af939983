"""Replies in context: a text, photo or voice note sent outside any conversation goes to its case.

Which case is bot/cases/replies.py's decision; here it is applied (`change_case`, through the
one authorization rule) and confirmed, with a short-lived undo for an answer. With several
questions pending, the message is held (a draft, like any answer) until its sender picks one.
Only a message with no context at all gets the hint, which names what the person can do now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from enum import IntEnum
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.cases.attachments import Held as File
from bot.cases.attachments import Refused, fetch_copies
from bot.cases.buttons import UndoAnswer
from bot.cases.changes import ChangeRequest, change_case
from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition
from bot.cases.replies import UNDO_WINDOW, action_for, addressed, undo_answer
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.cases.files import held_from, refusal, voice_text
from handlers.cases.view import refuse, show_case
from handlers.keyboards import grid
from handlers.wizard import TYPED, Markup, Texts, Wizard
from storage.people import Role

CONTENT = tg_filters.ChatType.PRIVATE & (TYPED | tg_filters.PHOTO | tg_filters.VOICE)
NUMBER_ALONE = re.compile(r"[A-Za-z0-9]{1,10}-\d{4}-\d{1,10}")


class Pick(IntEnum):
    CASE = 0


@dataclass(frozen=True)
class PickCase(Callback, prefix="kq"):
    """Which of the offered cases a held message is about."""

    case_id: int


@dataclass
class Held:
    """A message waiting for its sender to say which pending question it answers."""

    text: str | None = None
    photos: list[list[str]] = field(default_factory=list)
    cases: list[list[int | str]] = field(default_factory=list)  # [id, number] offered
    files: list[dict[str, Any]] = field(default_factory=list)  # voice notes, as File.to_draft


def _choices(c: BotContext, d: Held) -> tuple[str, Markup]:
    buttons = [(str(number), PickCase(int(case_id)).encode()) for case_id, number in d.cases]
    return c.t("reply-pick-case", count=len(d.cases)), grid(buttons)


REPLY: Wizard[Pick, Held] = Wizard(
    name="case_reply",
    steps=Pick,
    draft=Held,
    texts=Texts(command="reply-pick-case-again", resume="reply-pick-case-again", needs={}),
    prompts={Pick.CASE: _choices},
    follows=lambda done, d: Pick.CASE,
)


Content = tuple[str | None, list[list[str]], list[dict[str, Any]]]


def _content(message: Message, context: BotContext) -> Content:
    """Text, photos and voice notes of a message (Refused: a voice note over the limit)."""
    if message.voice is not None:
        voice = held_from(message)
        return voice_text(context, voice), [], [voice.to_draft()]
    photos = (
        [[message.photo[-1].file_id, message.photo[-1].file_unique_id]] if message.photo else []
    )
    return message.text or message.caption, photos, []


async def take(update: Update, context: BotContext) -> Pick | int:
    """Add a message sent outside any conversation to the case it is about, or ask which."""
    message = update.message
    assert message is not None
    user = await active_user_or_explain(update, context)
    if user is None:
        return ConversationHandler.END
    try:
        text, photos, files = _content(message, context)
    except Refused as refused:
        await message.reply_text(refusal(context, refused))
        return ConversationHandler.END
    replied = message.reply_to_message.message_id if message.reply_to_message else None
    async with context.services.sessions() as session:
        where = await addressed(
            session, context.services, user.telegram_id, message.chat_id, replied, text
        )
    if where.case_id is not None:
        if message.text and NUMBER_ALONE.fullmatch(message.text.strip()):
            # A case number alone asks to see the case.
            await show_case(update, context, where.case_id)
            return ConversationHandler.END
        await add_to_case(update, context, where.case_id, text, photos, files)
        return ConversationHandler.END
    if where.choices:
        held = Held(text, photos, [[case.id, case.number] for case in where.choices], files)
        return await REPLY.begin(update, context, held, Pick.CASE)
    key = "hint-psm" if user.role == Role.PSM else "hint-coordinator"
    await message.reply_text(context.t(key))
    return ConversationHandler.END


async def add_to_case(
    update: Update,
    context: BotContext,
    case_id: int,
    text: str | None,
    photos: list[list[str]],
    files: list[dict[str, Any]],
    ending: Wizard[Pick, Held] | None = None,
) -> None:
    """Apply the message as an answer or a note, and say where it went."""
    assert update.effective_user is not None and update.effective_chat is not None
    services, actor = context.services, update.effective_user.id
    voices = await fetch_copies(context.bot, [File.from_draft(f) for f in files])
    unit = ending.finishing(context) if ending else services.sessions.begin()
    try:
        async with unit as session:
            action = await action_for(session, actor, case_id)
            hold = UNDO_WINDOW if action is Action.ANSWER else timedelta(0)
            shots = [(file_id, unique) for file_id, unique in photos]
            request = ChangeRequest(
                case_id, action, note=text, photos=shots, hold=hold, files=voices
            )
            change = await change_case(session, services, actor, request)
    except AccessDenied:
        await refuse(update, context)
        return
    except IllegalTransition:
        await context.bot.send_message(update.effective_chat.id, context.t("reply-case-closed"))
        return
    number = change.case.number
    if action is Action.ANSWER:
        undo = UndoAnswer(change.event.id).encode()
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(context.t("button-undo-answer"), callback_data=undo)]]
        )
        text = context.t("reply-answered", number=number, seconds=UNDO_WINDOW.seconds)
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    else:
        await context.bot.send_message(
            update.effective_chat.id, context.t("reply-noted", number=number)
        )


async def pick(update: Update, context: BotContext) -> int:
    """Send the held message to the case its sender picked."""
    held, chosen = REPLY.draft(context), REPLY.tapped(update, PickCase).case_id
    if chosen not in {int(case_id) for case_id, _ in held.cases}:
        return await REPLY.stale_button(update, context)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await add_to_case(update, context, chosen, held.text, held.photos, held.files, ending=REPLY)
    return ConversationHandler.END


async def hold_more(update: Update, context: BotContext) -> Pick:
    """Keep another message with the held one while the sender has not picked a case yet."""
    assert update.message is not None
    try:
        text, photos, files = _content(update.message, context)
    except Refused as refused:
        return await REPLY.ask(update, context, Pick.CASE, refusal(context, refused))
    with REPLY.edit(context) as held:
        held.text = "\n".join(filter(None, [held.text, text])) or None
        held.photos += photos
        held.files += files
    return await REPLY.ask(update, context, Pick.CASE)


async def drop(update: Update, context: BotContext) -> int:
    """Forget the held message: it answers none of the questions."""
    await REPLY.end(context)
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("reply-dropped"))
    return ConversationHandler.END


async def undo(update: Update, context: BotContext) -> None:
    """Take back an answer just given, while its coordinators have not been told."""
    query, user = update.callback_query, update.effective_user
    button = UndoAnswer.decode(query.data if query else None)
    assert query is not None and button is not None and user is not None
    try:
        async with context.services.sessions.begin() as session:
            case = await undo_answer(session, context.services, user.id, button.event_id)
    except AccessDenied:
        await refuse(update, context)
        return
    except IllegalTransition:
        await query.answer(context.t("reply-undo-late"), show_alert=True)
        return
    await query.answer()
    await query.edit_message_text(context.t("reply-undone", number=case.number))


def build_replies() -> ConversationHandler:  # type: ignore[type-arg]
    """After every other conversation: only a message none of them waits for comes here."""
    return REPLY.conversation(
        entry_points=[MessageHandler(CONTENT, take)],
        states={
            Pick.CASE: [
                REPLY.button(pick, PickCase),
                MessageHandler(CONTENT, hold_more),
            ]
        },
        fallbacks=[CommandHandler("batal", drop)],
        catch_commands=False,
    )
