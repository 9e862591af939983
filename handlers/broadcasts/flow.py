"""The /siaran wizard: its steps, the question each asks, and the preview before sending."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from telegram import InlineKeyboardMarkup, Update

from bot.broadcasts.queue import BroadcastDraft, payload_for
from bot.delivery import AudienceMode, AudienceRefused, deliver, resolve_audience
from bot.people import get_user
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.keyboards import grid
from handlers.replies import audience_label
from handlers.wizard import Markup, Texts, Wizard


class Step(IntEnum):
    TEXT = 0
    AUDIENCE = 1
    KECAMATAN = 2
    CONFIRM = 3


class Act(StrEnum):
    DONE = "done"
    SEND = "send"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Tap(Callback, prefix="bc"):
    act: Act


@dataclass(frozen=True)
class AudienceChoice(Callback, prefix="bc:to"):
    mode: str


@dataclass(frozen=True)
class KecamatanTick(Callback, prefix="bc:kec"):
    code: str


def mode_label(c: BotContext, draft: BroadcastDraft, mode: str) -> str:
    if mode == AudienceMode.MINE:
        names = ", ".join(c.services.regions.name_of(code) for code in draft.choosable)
        return c.t("broadcast-to-mine", names=names)
    return c.t(f"broadcast-to-{mode}")


def kecamatan_keyboard(c: BotContext, draft: BroadcastDraft) -> InlineKeyboardMarkup:
    """The kecamatan the author may address, ticked when chosen, then Done."""
    choices = [
        (
            ("✅ " if code in draft.kecamatan else "") + c.services.regions.name_of(code),
            KecamatanTick(code).encode(),
        )
        for code in draft.choosable
    ]
    done = (c.t("broadcast-button-done"), Tap(Act.DONE).encode())
    return grid(choices, columns=2, extra=[done])


def _audience(c: BotContext, d: BroadcastDraft) -> tuple[str, Markup]:
    choices = [(mode_label(c, d, mode), AudienceChoice(mode).encode()) for mode in d.modes]
    return c.t("broadcast-ask-audience"), grid(choices)


async def preview(
    update: Update, context: BotContext, draft: BroadcastDraft, note: str | None
) -> Step:
    """Show the broadcast exactly as recipients will get it, then ask to send it to N people."""
    assert update.effective_user is not None and update.effective_chat is not None
    try:
        async with context.services.sessions() as session:
            author = await get_user(session, update.effective_user.id)
            audience = resolve_audience(author, draft.mode, draft.kecamatan)
            count = len(await audience.users(session))
    except AudienceRefused as refused:
        note = context.t(f"broadcast-refused-{refused}")
        return await BROADCAST.ask(update, context, Step.AUDIENCE, note)
    if count == 0:
        note = context.t("broadcast-refused-nobody")
        return await BROADCAST.ask(update, context, Step.AUDIENCE, note)
    chat_id, intro = update.effective_chat.id, context.t("broadcast-preview")
    await context.bot.send_message(chat_id, f"{note}\n\n{intro}" if note else intro)
    await deliver(context.bot, chat_id, payload_for(context.services.texts, context.locale, draft))
    label = audience_label(context, audience)
    question = context.t("broadcast-confirm", count=count, audience=label)
    await context.bot.send_message(chat_id, question, reply_markup=_confirm(context, draft)[1])
    return Step.CONFIRM


def _confirm(c: BotContext, d: BroadcastDraft) -> tuple[str, Markup]:
    """Send or cancel; the question itself comes with the preview (`preview`)."""
    actions = [
        (c.t("broadcast-button-send"), Tap(Act.SEND).encode()),
        (c.t("broadcast-button-cancel"), Tap(Act.CANCEL).encode()),
    ]
    return c.t("broadcast-preview"), grid(actions, columns=2)


def _follows(done: Step, draft: BroadcastDraft) -> Step:
    if done == Step.AUDIENCE and draft.mode == AudienceMode.PICK:
        return Step.KECAMATAN
    return {Step.TEXT: Step.AUDIENCE}.get(done, Step.CONFIRM)


BROADCAST: Wizard[Step, BroadcastDraft] = Wizard(
    name="broadcast",
    steps=Step,
    draft=BroadcastDraft,
    texts=Texts(
        command="broadcast-command",
        resume="broadcast-resume",
        needs={Step.TEXT: "broadcast-need-text"},
        need_button="broadcast-need-button",
        busy="busy-broadcast",
    ),
    prompts={
        Step.TEXT: lambda c, d: (c.t("broadcast-ask-text"), None),
        Step.AUDIENCE: _audience,
        Step.KECAMATAN: lambda c, d: (c.t("broadcast-ask-kecamatan"), kecamatan_keyboard(c, d)),
        Step.CONFIRM: _confirm,  # its buttons, read when typed; `preview` shows the step
    },
    follows=_follows,
    shows={Step.CONFIRM: preview},
)
