"""Inline keyboards built from data: categories, regions, simple choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reference.regions import Kecamatan, Regions
from bot.runtime.callbacks import Callback
from bot.runtime.texts import Texts

Choice = tuple[str, str]  # (label, callback_data)
# A button kind holding one code (a kecamatan, a kelurahan, a category group).
KindOf = Callable[[str], Callback]


class YesNo(StrEnum):
    """The answer a confirming button carries."""

    YES = "yes"
    NO = "no"


def grid(
    choices: Iterable[Choice], columns: int = 1, extra: Sequence[Choice] = ()
) -> InlineKeyboardMarkup:
    """Lay choices out in rows of `columns`, then each extra choice on its own row."""
    buttons = [InlineKeyboardButton(label, callback_data=data) for label, data in choices]
    rows = [buttons[i : i + columns] for i in range(0, len(buttons), columns)]
    rows += [[InlineKeyboardButton(label, callback_data=data)] for label, data in extra]
    return InlineKeyboardMarkup(rows)


def kecamatan_list(
    regions: Regions, kind: KindOf, first: Sequence[Choice] = ()
) -> InlineKeyboardMarkup:
    buttons = grid(((k.name, kind(k.code).encode()) for k in regions.kecamatan), columns=2)
    shortcut = [[InlineKeyboardButton(label, callback_data=data)] for label, data in first]
    return InlineKeyboardMarkup([*shortcut, *buttons.inline_keyboard])


def kelurahan_list(
    texts: Texts, locale: str, kecamatan: Kecamatan, kind: KindOf, back: Callback
) -> InlineKeyboardMarkup:
    return grid(
        ((k.name, kind(k.code).encode()) for k in kecamatan.kelurahan),
        columns=2,
        extra=[(texts.get(locale, "button-other-kecamatan"), back.encode())],
    )
