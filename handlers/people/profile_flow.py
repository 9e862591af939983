"""The /profil wizard: its steps, draft, the question each step asks, and how it ends."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import ConversationHandler

from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.keyboards import YesNo, grid, kecamatan_list, kelurahan_list
from handlers.wizard import Markup, Texts, Wizard


class Profile(IntEnum):
    MENU = 0
    NAME = 1
    PHONE = 2
    KECAMATAN = 3
    KELURAHAN = 4
    LEAVE = 5


class Item(StrEnum):
    """What the menu offers to change, or that nothing more is to be changed."""

    NAME = "name"
    PHONE = "phone"
    MOVE = "move"
    LEAVE = "leave"
    DONE = "done"


@dataclass(frozen=True)
class MenuChoice(Callback, prefix="pf:do"):
    item: Item


@dataclass(frozen=True)
class Kecamatan(Callback, prefix="pf:kec"):
    code: str


@dataclass(frozen=True)
class Kelurahan(Callback, prefix="pf:kel"):
    code: str


@dataclass(frozen=True)
class OtherKecamatan(Callback, prefix="pf:back"):
    pass


@dataclass(frozen=True)
class LeaveAnswer(Callback, prefix="pf:leave"):
    answer: YesNo


@dataclass
class ProfileDraft:
    summary: str = ""
    psm: bool = False
    kecamatan: str | None = None


def _menu(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    items = [item for item in Item if d.psm or item is not Item.MOVE]
    buttons = [(c.t(f"profile-button-{item}"), MenuChoice(item).encode()) for item in items]
    return f"{d.summary}\n\n{c.t('profile-ask-menu')}", grid(buttons, columns=2)


def _phone(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    button = KeyboardButton(c.t("button-share-contact"), request_contact=True)
    keyboard = ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    return c.t("profile-ask-phone"), keyboard


def _kelurahan(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan is chosen first"
    return c.t("profile-ask-kelurahan"), kelurahan_list(
        c.services.texts, c.locale, kecamatan, Kelurahan, OtherKecamatan()
    )


def _leave(c: BotContext, d: ProfileDraft) -> tuple[str, Markup]:
    buttons = [
        (c.t("profile-button-leave-yes"), LeaveAnswer(YesNo.YES).encode()),
        (c.t("profile-button-leave-no"), LeaveAnswer(YesNo.NO).encode()),
    ]
    return c.t("profile-ask-leave"), grid(buttons, columns=2)


PROFILE: Wizard[Profile, ProfileDraft] = Wizard(
    name="profile",
    steps=Profile,
    draft=ProfileDraft,
    texts=Texts(
        command="profile-command",
        resume="profile-command",
        needs={Profile.NAME: "wrong-need-text", Profile.PHONE: "profile-need-contact"},
    ),
    prompts={
        Profile.MENU: _menu,
        Profile.NAME: lambda c, d: (c.t("profile-ask-name"), None),
        Profile.PHONE: _phone,
        Profile.KECAMATAN: lambda c, d: (
            c.t("profile-ask-kecamatan"),
            kecamatan_list(c.services.regions, Kecamatan),
        ),
        Profile.KELURAHAN: _kelurahan,
        Profile.LEAVE: _leave,
    },
    follows=lambda done, d: Profile(done + 1),
)
CHOICES = {
    Item.NAME: Profile.NAME,
    Item.PHONE: Profile.PHONE,
    Item.MOVE: Profile.KECAMATAN,
    Item.LEAVE: Profile.LEAVE,
}


async def finish(update: Update, context: BotContext, key: str, **args: object) -> int:
    if PROFILE.active(context):
        await PROFILE.end(context)
    assert update.effective_chat is not None
    text = context.t(key, **args)
    await context.bot.send_message(
        update.effective_chat.id, text, reply_markup=ReplyKeyboardRemove()
    )
    return ConversationHandler.END
