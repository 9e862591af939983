"""Case actions that need words or choices: a note, a question, an answer, a closing, a referral."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.cases.attachments import Held, Refused, fetch_copies
from bot.cases.buttons import Nudge, NudgeReply, TypedAction
from bot.cases.changes import ChangeRequest
from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition, Status, next_status
from bot.cases.work import open_case, referrals_of
from bot.runtime.answers import bounded_text
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.cases.apply import apply, stale
from handlers.cases.files import held_from, refusal, voice_text
from handlers.cases.view import refuse
from handlers.keyboards import grid
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED, Markup, Texts, Wizard
from storage.attachments import AttachmentKind

NOTE_LENGTH = (3, 1500)
# A note, and the answer to a coordinator's question, may be spoken.
BY_VOICE = (Action.NOTE.value, Action.ANSWER.value)


class Input(IntEnum):
    TEXT = 0
    SECTORS = 1
    CONFIRM_CLOSE = 2


@dataclass(frozen=True)
class Sector(Callback, prefix="ki:sec"):
    code: str


@dataclass(frozen=True)
class CloseAnyway(Callback, prefix="ki:close"):
    """Close although referrals still wait for their outcome."""


@dataclass(frozen=True)
class WaitForReferrals(Callback, prefix="ki:wait"):
    """Keep the case open until they come."""


@dataclass(frozen=True)
class SectorsDone(Callback, prefix="ki:done"):
    pass


@dataclass
class CaseInput:
    """The action in progress: which case, what, and what has been chosen so far."""

    case_id: int = 0
    action: str = Action.NOTE.value
    status: str | None = None
    sectors: list[str] = field(default_factory=list)
    photos: list[list[str]] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)
    # The card the action was started from, brought up to date in place when it is done.
    card: int | None = None
    # Sectors whose referral still waits for its outcome, named before a closing.
    waiting: list[str] = field(default_factory=list)


def _text(c: BotContext, d: CaseInput) -> tuple[str, Markup]:
    return c.t(f"case-ask-{d.action}"), None


def sector_keyboard(c: BotContext, d: CaseInput) -> InlineKeyboardMarkup:
    choices = [
        (("✅ " if s.code in d.sectors else "") + s.name(c.locale), Sector(s.code).encode())
        for s in c.services.sectors.items
    ]
    return grid(choices, extra=[(c.t("button-sectors-done"), SectorsDone().encode())])


def _confirm_close(c: BotContext, d: CaseInput) -> tuple[str, Markup]:
    names = ", ".join(c.services.sectors.name(code, c.locale) for code in d.waiting)
    buttons = [
        (c.t("button-close-anyway"), CloseAnyway().encode()),
        (c.t("button-close-wait"), WaitForReferrals().encode()),
    ]
    return c.t("case-close-pending", sectors=names, count=len(d.waiting)), grid(buttons)


CASE_INPUT: Wizard[Input, CaseInput] = Wizard(
    name="case_input",
    steps=Input,
    draft=CaseInput,
    texts=Texts(
        command="case-input-wrong",
        resume="case-input-wrong",
        needs={Input.TEXT: "case-input-wrong"},
    ),
    prompts={
        Input.TEXT: _text,
        Input.SECTORS: lambda c, d: (c.t("case-ask-sectors"), sector_keyboard(c, d)),
        Input.CONFIRM_CLOSE: _confirm_close,
    },
    follows=lambda done, d: Input.TEXT,
)


def _requested(update: Update) -> tuple[Action, int, str | None]:
    assert update.callback_query is not None
    data = update.callback_query.data
    typed = TypedAction.decode(data)
    if typed is not None:
        return Action(typed.action.value), typed.case_id, typed.status
    nudge = Nudge.decode(data)
    assert nudge is not None and nudge.reply is NudgeReply.PROGRESS
    return Action.NOTE, nudge.case_id, None


async def begin(update: Update, context: BotContext) -> Input | int:
    """Start an action that needs input, after checking it is allowed and still possible."""
    assert update.callback_query is not None and update.effective_user is not None
    action, case_id, status = _requested(update)
    try:
        async with context.services.sessions() as session:
            _, case = await open_case(session, update.effective_user.id, case_id, action)
            next_status(case.status, action)
            if status is not None and case.status != status:
                raise IllegalTransition(Status(case.status), action)
            referrals = await referrals_of(session, case_id) if action is Action.CLOSE else []
    except AccessDenied:
        await refuse(update, context)
        return ConversationHandler.END
    except IllegalTransition:
        await stale(update, context, case_id)
        return ConversationHandler.END
    await update.callback_query.answer()
    message = update.callback_query.message
    draft = CaseInput(case_id, action.value, status, card=message.message_id if message else None)
    draft.waiting = [r.sector for r in referrals if r.outcome is None]
    step = Input.TEXT
    if action is Action.REFER:
        step = Input.SECTORS
    elif draft.waiting:
        step = Input.CONFIRM_CLOSE
    return await CASE_INPUT.begin(update, context, draft, step)


async def close_anyway(update: Update, context: BotContext) -> Input:
    """Go on to the closing outcome although referrals still wait for theirs."""
    await mark_chosen(update, context.t("button-close-anyway"))
    return await CASE_INPUT.ask(update, context, Input.TEXT)


async def wait_for_referrals(update: Update, context: BotContext) -> int:
    """Leave the case open until the referrals have their outcomes."""
    await mark_chosen(update, context.t("button-close-wait"))
    return await cancel(update, context)


async def toggle_sector(update: Update, context: BotContext) -> Input:
    """Tick or untick one sector."""
    code = CASE_INPUT.tapped(update, Sector).code
    if context.services.sectors.get(code) is None:
        return await CASE_INPUT.stale_button(update, context)
    with CASE_INPUT.edit(context) as draft:
        chosen = code in draft.sectors
        draft.sectors = [s for s in draft.sectors if s != code] + ([] if chosen else [code])
    return await CASE_INPUT.redraw(update, context, sector_keyboard(context, draft))


async def sectors_done(update: Update, context: BotContext) -> Input:
    """Ask the referral note once at least one sector is ticked."""
    assert update.callback_query is not None
    chosen = CASE_INPUT.draft(context).sectors
    if not chosen:
        await update.callback_query.answer(context.t("case-sectors-none"), show_alert=True)
        return Input.SECTORS
    sectors = context.services.sectors
    # The keyboard folds into the choice, so that the case card is the chat's only live buttons.
    await mark_chosen(update, ", ".join(sectors.name(code, context.locale) for code in chosen))
    return await CASE_INPUT.ask(update, context, Input.TEXT)


async def add_photo(update: Update, context: BotContext) -> Input | int:
    """Keep a photo for a note; with a caption it is the note itself."""
    message = update.message
    assert message is not None
    # An image sent as a file is a photo too.
    media = message.photo[-1] if message.photo else message.document
    assert media is not None
    if CASE_INPUT.draft(context).action != Action.NOTE:
        return await CASE_INPUT.ask(update, context, Input.TEXT, context.t("wrong-need-text"))
    with CASE_INPUT.edit(context) as draft:
        draft.photos.append([media.file_id, media.file_unique_id])
    if message.caption:
        return await _finish(update, context, message.caption)
    added = context.t("case-photo-added", count=len(draft.photos))
    return await CASE_INPUT.say(update, context, added)


async def add_voice(update: Update, context: BotContext) -> Input | int:
    """Take a voice note as the note or the answer itself."""
    assert update.message is not None
    if CASE_INPUT.draft(context).action not in BY_VOICE:
        return await CASE_INPUT.ask(update, context, Input.TEXT, context.t("wrong-need-text"))
    try:
        held = held_from(update.message)
    except Refused as refused:
        return await CASE_INPUT.ask(update, context, Input.TEXT, refusal(context, refused))
    with CASE_INPUT.edit(context) as draft:
        draft.files.append(held.to_draft())
    return await _finish(update, context, voice_text(context, held))


async def add_document(update: Update, context: BotContext) -> Input | int:
    """Keep a PDF for a note; with a caption it is the note itself."""
    message = update.message
    assert message is not None
    try:
        if CASE_INPUT.draft(context).action != Action.NOTE:
            raise Refused("case-file-refused")
        held = held_from(message)
    except Refused as refused:
        return await CASE_INPUT.ask(update, context, Input.TEXT, refusal(context, refused))
    with CASE_INPUT.edit(context) as draft:
        draft.files.append(held.to_draft())
    if message.caption:
        return await _finish(update, context, message.caption)
    await CASE_INPUT.commit(update, context, Input.TEXT)
    count = sum(1 for f in draft.files if f["kind"] == AttachmentKind.DOCUMENT)
    await message.reply_text(context.t("case-document-added", count=count))
    return Input.TEXT


async def receive_text(update: Update, context: BotContext) -> Input | int:
    """Take the typed note, question, answer or closing outcome and apply the action."""
    return await _finish(update, context, typed_text(update))


async def _finish(update: Update, context: BotContext, text: str) -> int:
    note = bounded_text(text, NOTE_LENGTH, "note")
    draft = CASE_INPUT.draft(context)
    request = ChangeRequest(
        draft.case_id,
        Action(draft.action),
        draft.status,
        note=note,
        photos=[(file_id, unique) for file_id, unique in draft.photos],
        sectors=draft.sectors,
        files=await fetch_copies(context.bot, [Held.from_draft(f) for f in draft.files]),
    )
    await apply(update, context, request, ending=CASE_INPUT, card=draft.card)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Drop the action in progress; the card it started from is still as it was."""
    await CASE_INPUT.end(context)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("case-input-cancelled"))
    return ConversationHandler.END


def build_case_input() -> ConversationHandler:  # type: ignore[type-arg]
    entry = [
        CallbackQueryHandler(begin, pattern=TypedAction.pattern()),
        CallbackQueryHandler(begin, pattern=Nudge.pattern(reply=NudgeReply.PROGRESS)),
    ]
    return CASE_INPUT.conversation(
        entry_points=entry,
        states={
            Input.TEXT: [
                MessageHandler(TYPED, receive_text),
                MessageHandler(tg_filters.PHOTO | tg_filters.Document.IMAGE, add_photo),
                MessageHandler(tg_filters.VOICE, add_voice),
                MessageHandler(tg_filters.Document.ALL, add_document),
            ],
            Input.SECTORS: [
                CASE_INPUT.button(sectors_done, SectorsDone),
                CASE_INPUT.button(toggle_sector, Sector),
            ],
            Input.CONFIRM_CLOSE: [
                CASE_INPUT.button(close_anyway, CloseAnyway),
                CASE_INPUT.button(wait_for_referrals, WaitForReferrals),
            ],
        },
        fallbacks=[CommandHandler("batal", cancel)],
    )
