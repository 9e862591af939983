"""The /lapor buttons, each a typed `Callback` kind (bot/runtime/callbacks.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.runtime.callbacks import Callback
from handlers.keyboards import YesNo
from storage.cases import Urgency


class Act(StrEnum):
    """What a button that carries nothing else does."""

    BACK = "back"
    NO_NIK = "nonik"
    OWN_KELURAHAN = "kelme"
    SUBMIT = "submit"
    CANCEL = "cancel"


class PhotosAct(StrEnum):
    DONE = "done"
    CLEAR = "clear"


class Sex(StrEnum):
    """The codes on Indonesian ID cards."""

    L = "L"
    P = "P"


@dataclass(frozen=True)
class Tap(Callback, prefix="r"):
    act: Act


@dataclass(frozen=True)
class CategoryGroup(Callback, prefix="r:grp"):
    group: str


@dataclass(frozen=True)
class Category(Callback, prefix="r:cat"):
    code: int


@dataclass(frozen=True)
class NoNikReason(Callback, prefix="r:nikr"):
    reason: str


@dataclass(frozen=True)
class SexChoice(Callback, prefix="r:sex"):
    sex: Sex


@dataclass(frozen=True)
class AgeUnknown(Callback, prefix="r:age:unknown"):
    pass


@dataclass(frozen=True)
class Kecamatan(Callback, prefix="r:kec"):
    code: str


@dataclass(frozen=True)
class Kelurahan(Callback, prefix="r:kel"):
    code: str


@dataclass(frozen=True)
class Urgent(Callback, prefix="r:urg"):
    level: Urgency


@dataclass(frozen=True)
class Photos(Callback, prefix="r:photos"):
    act: PhotosAct


@dataclass(frozen=True)
class EditAnswer(Callback, prefix="r:edit"):
    field: str


@dataclass(frozen=True)
class CancelAnswer(Callback, prefix="r:cancel"):
    answer: YesNo
