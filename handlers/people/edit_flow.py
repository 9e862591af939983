"""The person-change wizard (/pengguna): its steps, draft and the question each step asks."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from telegram import InlineKeyboardMarkup

from bot.people.buttons import Act
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotContext
from handlers.keyboards import grid
from handlers.wizard import Markup, Texts, Wizard


class Edit(IntEnum):
    REASON = 0
    KECAMATAN = 1
    KELURAHAN = 2
    AREAS = 3


@dataclass(frozen=True)
class Kecamatan(Callback, prefix="pe:kec"):
    code: str


@dataclass(frozen=True)
class Kelurahan(Callback, prefix="pe:kel"):
    code: str


@dataclass(frozen=True)
class OtherKecamatan(Callback, prefix="pe:back"):
    pass


@dataclass(frozen=True)
class AreaTick(Callback, prefix="pe:area"):
    code: str


@dataclass(frozen=True)
class AreasDone(Callback, prefix="pe:done"):
    pass


@dataclass
class PersonEdit:
    user_id: int = 0
    action: str = Act.DEACTIVATE.value
    role: str | None = None  # the role a new PSM gets once they have a kelurahan
    choosable: list[str] = field(default_factory=list)  # kecamatan the actor may pick
    kecamatan: str | None = None
    areas: list[str] = field(default_factory=list)


def _kecamatan(c: BotContext, d: PersonEdit) -> tuple[str, Markup]:
    names = c.services.regions.name_of
    choices = [(names(code), Kecamatan(code).encode()) for code in d.choosable]
    return c.t("person-ask-kecamatan"), grid(choices, columns=2)


def _kelurahan(c: BotContext, d: PersonEdit) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan is chosen first"
    choices = [(k.name, Kelurahan(k.code).encode()) for k in kecamatan.kelurahan]
    back = (
        [(c.t("button-other-kecamatan"), OtherKecamatan().encode())] if len(d.choosable) > 1 else []
    )
    return c.t("person-ask-kelurahan"), grid(choices, columns=2, extra=back)


def areas_keyboard(c: BotContext, d: PersonEdit) -> InlineKeyboardMarkup:
    choices = [
        (("✅ " if k.code in d.areas else "") + k.name, AreaTick(k.code).encode())
        for k in c.services.regions.kecamatan
    ]
    return grid(choices, columns=2, extra=[(c.t("person-areas-done"), AreasDone().encode())])


EDIT: Wizard[Edit, PersonEdit] = Wizard(
    name="person_edit",
    steps=Edit,
    draft=PersonEdit,
    texts=Texts(
        command="person-edit-wrong",
        resume="person-edit-wrong",
        needs={Edit.REASON: "wrong-need-text"},
    ),
    prompts={
        Edit.REASON: lambda c, d: (c.t("person-ask-reason"), None),
        Edit.KECAMATAN: _kecamatan,
        Edit.KELURAHAN: _kelurahan,
        Edit.AREAS: lambda c, d: (c.t("person-ask-areas"), areas_keyboard(c, d)),
    },
    follows=lambda done, d: Edit.KELURAHAN,
)


def place_step(draft: PersonEdit) -> Edit:
    if len(draft.choosable) == 1:
        draft.kecamatan = draft.choosable[0]
        return Edit.KELURAHAN
    return Edit.KECAMATAN
