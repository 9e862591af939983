"""Case actions that need words or choices: a note, a question, an answer, a closing, a referral."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition, Status, next_status
from bot.cases.work import open_case
from bot.runtime.answers import BadAnswer, bounded_text
from bot.runtime.context import BotContext
from handlers.cases.apply import apply
from handlers.cases.view import refuse, show_case
from handlers.keyboards import grid

NOTE_LENGTH = (3, 1500)


class Input(IntEnum):
    TEXT = 0
    SECTORS = 1


def _pending(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    pending: dict[str, Any] = context.user_data.setdefault("case_input", {})
    return pending


async def _ask_text(update: Update, context: BotContext, note: str = "") -> Input:
    assert update.effective_chat is not None
    action = _pending(context)["action"]
    text = (note + "\n\n" if note else "") + context.t(f"case-ask-{action}")
    await context.bot.send_message(update.effective_chat.id, text)
    return Input.TEXT


async def _ask_sectors(update: Update, context: BotContext) -> Input:
    chosen = set(_pending(context)["sectors"])
    choices = [
        (("✅ " if s.code in chosen else "") + s.name(context.locale), f"k:sec:{s.code}")
        for s in context.services.sectors.items
    ]
    keyboard = grid(choices, extra=[(context.t("button-sectors-done"), "k:sec:done")])
    query = update.callback_query
    if query and query.data and query.data.startswith("k:sec:"):
        await query.answer()
        await query.edit_message_reply_markup(keyboard)
    else:
        assert update.effective_chat is not None
        text = context.t("case-ask-sectors")
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=keyboard)
    return Input.SECTORS


async def begin(update: Update, context: BotContext) -> Input | int:
    """Start an action that needs input, after checking it is allowed and still possible."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    parts = query.data.split(":")
    action, case_id = (
        (Action.NOTE, int(parts[2])) if parts[0] == "n" else (Action(parts[2]), int(parts[3]))
    )
    status = parts[4] if len(parts) > 4 else None
    try:
        async with context.services.sessions() as session:
            _, case = await open_case(session, update.effective_user.id, case_id, action)
            next_status(case.status, action)
            if status is not None and case.status != status:
                raise IllegalTransition(Status(case.status), action)
    except AccessDenied:
        await refuse(update, context)
        return ConversationHandler.END
    except IllegalTransition:
        await query.answer(context.t("case-changed"), show_alert=True)
        await show_case(update, context, case_id, context.t("case-changed"))
        return ConversationHandler.END
    await query.answer()
    _pending(context).update(
        case_id=case_id, action=action.value, status=status, sectors=[], photos=[]
    )
    return await (
        _ask_sectors(update, context) if action is Action.REFER else _ask_text(update, context)
    )


async def toggle_sector(update: Update, context: BotContext) -> Input:
    """Tick or untick one sector."""
    assert update.callback_query is not None and update.callback_query.data is not None
    code = update.callback_query.data.rsplit(":", 1)[-1]
    sectors: list[str] = _pending(context)["sectors"]
    if context.services.sectors.get(code):
        sectors.remove(code) if code in sectors else sectors.append(code)
    return await _ask_sectors(update, context)


async def sectors_done(update: Update, context: BotContext) -> Input:
    """Ask the referral note once at least one sector is ticked."""
    assert update.callback_query is not None
    if not _pending(context)["sectors"]:
        await update.callback_query.answer(context.t("case-sectors-none"), show_alert=True)
        return Input.SECTORS
    await update.callback_query.answer()
    return await _ask_text(update, context)


async def add_photo(update: Update, context: BotContext) -> Input | int:
    """Keep a photo for a note; with a caption it is the note itself."""
    message = update.message
    assert message is not None and message.photo
    pending = _pending(context)
    if pending["action"] != Action.NOTE:
        return await _ask_text(update, context, context.t("wrong-need-text"))
    pending["photos"].append([message.photo[-1].file_id, message.photo[-1].file_unique_id])
    if message.caption:
        return await _finish(update, context, message.caption)
    await message.reply_text(context.t("case-photo-added", count=len(pending["photos"])))
    return Input.TEXT


async def receive_text(update: Update, context: BotContext) -> Input | int:
    """Take the typed note, question, answer or closing outcome and apply the action."""
    assert update.message is not None and update.message.text is not None
    return await _finish(update, context, update.message.text)


async def _finish(update: Update, context: BotContext, text: str) -> Input | int:
    try:
        note = bounded_text(text, NOTE_LENGTH, "note")
    except BadAnswer as bad:
        return await _ask_text(update, context, context.t(bad.key, **bad.args_))
    assert context.user_data is not None
    pending = context.user_data.pop("case_input")
    photos = [tuple(p) for p in pending["photos"]]
    await apply(
        update,
        context,
        pending["case_id"],
        Action(pending["action"]),
        pending["status"],
        note=note,
        photos=photos,
        sectors=pending["sectors"],
    )
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Drop the action in progress and show the case again."""
    assert context.user_data is not None
    pending = context.user_data.pop("case_input", {})
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("case-input-cancelled"))
    if pending:
        await show_case(update, context, pending["case_id"])
    return ConversationHandler.END


async def wrong_input(update: Update, context: BotContext) -> Input:
    """Explain what is awaited and ask again."""
    if update.callback_query:
        await update.callback_query.answer(context.t("wrong-stale-button-short"))
    if _pending(context).get("action") == Action.REFER and not _pending(context).get("sectors"):
        return await _ask_sectors(update, context)
    return await _ask_text(update, context, context.t("case-input-wrong"))


def build_case_input() -> ConversationHandler:  # type: ignore[type-arg]
    return ConversationHandler(
        entry_points=[
            CallbackQueryHandler(begin, pattern=r"^k:t:(note|return|answer|close|refer):\d+:\w+$"),
            CallbackQueryHandler(begin, pattern=r"^n:p:\d+$"),
        ],
        states={
            Input.TEXT: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, receive_text),
                MessageHandler(filters.PHOTO, add_photo),
            ],
            Input.SECTORS: [
                CallbackQueryHandler(sectors_done, pattern="^k:sec:done$"),
                CallbackQueryHandler(toggle_sector, pattern=r"^k:sec:\w+$"),
            ],
        },
        fallbacks=[
            CommandHandler("batal", cancel),
            CallbackQueryHandler(wrong_input, pattern="^k:sec:"),
            MessageHandler(filters.ALL, wrong_input),
        ],
        name="case_input",
        persistent=True,
    )
