"""Case actions that need words or choices: a note, a question, an answer, a closing, a referral."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler

from bot.cases.attachments import Held, fetch_copies
from bot.cases.buttons import Nudge, NudgeReply, TypedAction
from bot.cases.changes import ChangeRequest
from bot.cases.lifecycle import AccessDenied, Action, IllegalTransition, Status, next_status
from bot.cases.work import open_case, referrals_of
from bot.runtime.answers import bounded_text
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.cases.apply import apply, stale
from handlers.cases.view import refuse
from handlers.keyboards import grid
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import Markup, Texts, Wizard

NOTE_LENGTH = (3, 1500)


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


async def receive_text(update: Update, context: BotContext) -> Input | int:
    """Take the typed note, question, answer or closing outcome and apply the action."""
    return await finish(update, context, typed_text(update))


async def finish(update: Update, context: BotContext, text: str) -> int:
    """Apply the action with `text` and what the draft holds (photos, sectors, files)."""
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
