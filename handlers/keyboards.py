"""Inline keyboards built from data: categories, regions, simple choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reference.categories import Categories
from bot.reference.regions import Kecamatan, Regions
from bot.runtime.texts import Texts

Choice = tuple[str, str]  # (label, callback_data)
# A conversation's button builder, `Wizard.data`: (what, value) -> callback data.
DataOf = Callable[..., str]


def grid(
    choices: Iterable[Choice], columns: int = 1, extra: Sequence[Choice] = ()
) -> InlineKeyboardMarkup:
    """Lay choices out in rows of `columns`, then each extra choice on its own row."""
    buttons = [InlineKeyboardButton(label, callback_data=data) for label, data in choices]
    rows = [buttons[i : i + columns] for i in range(0, len(buttons), columns)]
    rows += [[InlineKeyboardButton(label, callback_data=data)] for label, data in extra]
    return InlineKeyboardMarkup(rows)


def category_groups(
    texts: Texts, locale: str, categories: Categories, data: DataOf
) -> InlineKeyboardMarkup:
    return grid(
        (texts.get(locale, f"category-group-{g}"), data("grp", g)) for g in categories.groups
    )


def categories_of(
    texts: Texts, locale: str, categories: Categories, group: str, data: DataOf
) -> InlineKeyboardMarkup:
    return grid(
        ((c.name(locale), data("cat", c.code)) for c in categories.in_group(group)),
        extra=[(texts.get(locale, "button-back"), data("back"))],
    )


def kecamatan_list(
    regions: Regions, data: DataOf, first: Sequence[Choice] = ()
) -> InlineKeyboardMarkup:
    buttons = grid(((k.name, data("kec", k.code)) for k in regions.kecamatan), columns=2)
    shortcut = [[InlineKeyboardButton(label, callback_data=data)] for label, data in first]
    return InlineKeyboardMarkup([*shortcut, *buttons.inline_keyboard])


def kelurahan_list(
    texts: Texts, locale: str, kecamatan: Kecamatan, data: DataOf
) -> InlineKeyboardMarkup:
    return grid(
        ((k.name, data("kel", k.code)) for k in kecamatan.kelurahan),
        columns=2,
        extra=[(texts.get(locale, "button-other-kecamatan"), data("back"))],
    )
