"""The /pengumuman wizard: the steps of composing an announcement and the question each asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import IntEnum, StrEnum

from telegram import InlineKeyboardMarkup, Update

from bot.announcements.draft import TIME_FORMAT, AnnouncementDraft
from bot.announcements.publish import from_draft
from bot.delivery import (
    AudienceMode,
    AudienceRefused,
    Payload,
    deliver,
    resolve_audience,
)
from bot.people import get_user
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.announcements.render import messages_of
from handlers.keyboards import grid
from handlers.replies import audience_label
from handlers.wizard import Markup, Texts, Wizard


class Act(StrEnum):
    NEW = "new"
    DONE = "done"
    NOW = "now"
    SUBMIT = "ok"
    DISCARD = "no"
    PREVIEW = "pv"  # a button of the preview, which only says that it is one


@dataclass(frozen=True)
class Tap(Callback, prefix="an"):
    act: Act


@dataclass(frozen=True)
class AudienceChoice(Callback, prefix="an:aud"):
    mode: str


@dataclass(frozen=True)
class KecamatanTick(Callback, prefix="an:kec"):
    code: str


class Compose(IntEnum):
    TITLE = 0
    BODY = 1
    STARTS_AT = 2
    VENUE = 3
    AUDIENCE = 4
    KECAMATAN = 5
    SEND_AT = 6
    PREVIEW = 7
    NEW_TIME = 8


def example_time(context: BotContext, days: int) -> str:
    """A realistic example for a typed time: `days` from today at 09:00."""
    day = context.services.today() + timedelta(days=days)
    return datetime.combine(day, time(9)).strftime(TIME_FORMAT)


def zone_name(context: BotContext) -> str:
    return context.services.clock.now().astimezone(context.services.settings.tz).strftime("%Z")


def mode_label(c: BotContext, mode: str) -> str:
    return c.t(f"button-announce-to-{mode}")


def kecamatan_keyboard(c: BotContext, d: AnnouncementDraft) -> InlineKeyboardMarkup:
    """The coordinator's selectable kecamatan, ticked when chosen, then Done."""
    regions = c.services.regions
    choices = [
        (
            ("✅ " if code in d.kecamatan else "") + regions.name_of(code),
            KecamatanTick(code).encode(),
        )
        for code in d.choosable
    ]
    done = (c.t("button-announce-kecamatan-done"), Tap(Act.DONE).encode())
    return grid(choices, columns=2, extra=[done])


def _audience(c: BotContext, d: AnnouncementDraft) -> tuple[str, Markup]:
    choices = [(mode_label(c, mode), AudienceChoice(mode).encode()) for mode in d.modes]
    return c.t("announce-ask-audience"), grid(choices)


def _send_at(c: BotContext, d: AnnouncementDraft) -> tuple[str, Markup]:
    now = grid([(c.t("button-announce-send-now"), Tap(Act.NOW).encode())])
    return c.t("announce-ask-send", example=example_time(c, 1)), now


def _new_time(c: BotContext, d: AnnouncementDraft) -> tuple[str, Markup]:
    example = example_time(c, 7)
    text = c.t("announce-ask-new-time", title=d.title or "", zone=zone_name(c), example=example)
    return text, None


async def show_preview(
    update: Update, context: BotContext, draft: AnnouncementDraft, note: str | None
) -> Compose:
    """The announcement exactly as recipients will see it, then Kirim; or back to the audience
    when it no longer reaches anyone the author may address."""
    assert update.effective_user is not None and update.effective_chat is not None
    async with context.services.sessions() as session:
        author = await get_user(session, update.effective_user.id)
        try:
            audience = resolve_audience(author, draft.audience, draft.kecamatan)
            count = len(await audience.users(session))
        except AudienceRefused as refused:
            note = context.t(f"announce-audience-{refused}")
            return await ANNOUNCE.ask(update, context, Compose.AUDIENCE, note)
    if not count:
        note = context.t("announce-audience-nobody")
        return await ANNOUNCE.ask(update, context, Compose.AUDIENCE, note)
    messages, chat_id = messages_of(context), update.effective_chat.id
    real = messages.announcement(context.locale, from_draft(draft))
    # The preview's buttons look like the real ones but only say "this is a preview".
    buttons = [
        [(label, Tap(Act.PREVIEW).encode()) for label, _ in row] for row in real.buttons or []
    ]
    intro = context.t("announce-preview-intro")
    await context.bot.send_message(chat_id, f"{note}\n\n{intro}" if note else intro)
    shown = Payload(text=real.text, photo=real.photo, document=real.document, buttons=buttons)
    await deliver(context.bot, chat_id, shown)
    send = messages.when(context.locale, draft.send) if draft.send else None
    summary = context.t(
        "announce-preview",
        audience=audience_label(context, audience),
        count=count,
        send=send or context.t("announce-send-immediately"),
    )
    await context.bot.send_message(chat_id, summary, reply_markup=_submit(context, draft)[1])
    return Compose.PREVIEW


def _submit(c: BotContext, d: AnnouncementDraft) -> tuple[str, Markup]:
    """Send or discard; the summary above them comes with the preview (`show_preview`)."""
    actions = [
        (c.t("button-announce-submit"), Tap(Act.SUBMIT).encode()),
        (c.t("button-announce-discard"), Tap(Act.DISCARD).encode()),
    ]
    return c.t("announce-preview-intro"), grid(actions, columns=2)


NEXT = {
    Compose.TITLE: Compose.BODY,
    Compose.BODY: Compose.STARTS_AT,
    Compose.STARTS_AT: Compose.VENUE,
    Compose.VENUE: Compose.AUDIENCE,
    Compose.AUDIENCE: Compose.SEND_AT,
    Compose.KECAMATAN: Compose.SEND_AT,
    Compose.SEND_AT: Compose.PREVIEW,
}


def _follows(done: Compose, draft: AnnouncementDraft) -> Compose:
    if done == Compose.AUDIENCE and draft.audience == AudienceMode.PICK:
        return Compose.KECAMATAN
    return NEXT[done]


TYPED_STEPS = (Compose.TITLE, Compose.STARTS_AT, Compose.VENUE, Compose.SEND_AT, Compose.NEW_TIME)

ANNOUNCE: Wizard[Compose, AnnouncementDraft] = Wizard(
    name="announcements",
    steps=Compose,
    draft=AnnouncementDraft,
    texts=Texts(
        command="announce-command",
        resume="announce-resume",
        needs={
            Compose.BODY: "announce-need-body",
            **{step: "announce-need-text" for step in TYPED_STEPS},
        },
        need_button="announce-need-button",
        busy="busy-announcement",
    ),
    prompts={
        Compose.TITLE: lambda c, d: (c.t("announce-ask-title"), None),
        Compose.BODY: lambda c, d: (c.t("announce-ask-body"), None),
        Compose.STARTS_AT: lambda c, d: (
            c.t("announce-ask-start", zone=zone_name(c), example=example_time(c, 7)),
            None,
        ),
        Compose.VENUE: lambda c, d: (c.t("announce-ask-venue"), None),
        Compose.AUDIENCE: _audience,
        Compose.KECAMATAN: lambda c, d: (c.t("announce-ask-kecamatan"), kecamatan_keyboard(c, d)),
        Compose.SEND_AT: _send_at,
        Compose.NEW_TIME: _new_time,
        Compose.PREVIEW: _submit,  # its buttons, read when typed; `show_preview` shows the step
    },
    follows=_follows,
    shows={Compose.PREVIEW: show_preview},
)
