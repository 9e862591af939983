"""One question per step: the text and buttons that ask it."""

from __future__ import annotations

from collections.abc import Callable

from telegram import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)

from bot.cases.draft import Draft
from bot.runtime.context import BotContext
from handlers.cases.report.steps import EDITABLE, Step, next_step
from handlers.cases.report.summary import NO_NIK_REASONS, review_text
from handlers.keyboards import categories_of, category_groups, grid, kecamatan_list, kelurahan_list

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
URGENCIES = ("darurat", "tinggi", "sedang", "rendah")


def _category_group(c: BotContext, d: Draft) -> tuple[str, Markup]:
    s = c.services
    return c.t("report-ask-category-group"), category_groups(s.texts, c.locale, s.categories, "r")


def _category(c: BotContext, d: Draft) -> tuple[str, Markup]:
    s, group = c.services, d.category_group or ""
    label = c.t(f"category-group-{group}")
    keyboard = categories_of(s.texts, c.locale, s.categories, group, "r")
    return c.t("report-ask-category", group=label), keyboard


def _nik(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-nik"), grid([(c.t("button-no-nik"), "r:nonik")])


def _no_nik_reason(c: BotContext, d: Draft) -> tuple[str, Markup]:
    choices = [(c.t(f"no-nik-{reason}"), f"r:nikr:{reason}") for reason in NO_NIK_REASONS]
    return c.t("report-ask-no-nik-reason"), grid(choices)


def _sex(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-sex"), grid([(c.t("sex-L"), "r:sex:L"), (c.t("sex-P"), "r:sex:P")], 2)


def _age(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-age"), grid([(c.t("button-age-unknown"), "r:age:unknown")])


def _kecamatan(c: BotContext, d: Draft) -> tuple[str, Markup]:
    regions = c.services.regions
    home = regions.get_kelurahan(d.home_kelurahan or "")
    shortcut = [(c.t("button-my-kelurahan", kelurahan=home.name), "r:kelme")] if home else []
    return c.t("report-ask-kecamatan"), kecamatan_list(regions, "r", shortcut)


def _kelurahan(c: BotContext, d: Draft) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan step comes first"
    keyboard = kelurahan_list(c.services.texts, c.locale, kecamatan, "r")
    return c.t("report-ask-kelurahan", kecamatan=kecamatan.name), keyboard


def _location(c: BotContext, d: Draft) -> tuple[str, Markup]:
    keyboard = ReplyKeyboardMarkup(
        [
            [KeyboardButton(c.t("button-send-location"), request_location=True)],
            [c.t("button-skip")],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    return c.t("report-ask-location"), keyboard


def _urgency(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-urgency"), grid((c.t(f"urgency-{u}"), f"r:urg:{u}") for u in URGENCIES)


def _photos(c: BotContext, d: Draft) -> tuple[str, Markup]:
    extra = [(c.t("button-photos-clear"), "r:photos:clear")] if d.photos else []
    done = c.t("button-photos-done") if d.photos else c.t("button-photos-none")
    text = c.t("report-ask-photos", count=len(d.photos))
    return text, grid([(done, "r:photos:done"), *extra])


def _review(c: BotContext, d: Draft) -> tuple[str, Markup]:
    edits = [(c.t(f"edit-{field}"), f"r:edit:{field}") for field in EDITABLE]
    actions = [(c.t("button-submit"), "r:submit"), (c.t("button-cancel-report"), "r:cancel")]
    return review_text(c, d), grid(edits, columns=2, extra=actions)


def _confirm_cancel(c: BotContext, d: Draft) -> tuple[str, Markup]:
    choices = [(c.t("button-cancel-yes"), "r:cancel:yes"), (c.t("button-cancel-no"), "r:cancel:no")]
    return c.t("report-confirm-cancel"), grid(choices)


def _plain(key: str) -> Callable[[BotContext, Draft], tuple[str, Markup]]:
    # The reply keyboard of the location step may still be showing; text steps clear it.
    return lambda c, d: (c.t(key), ReplyKeyboardRemove())


PROMPTS: dict[Step, Callable[[BotContext, Draft], tuple[str, Markup]]] = {
    Step.CATEGORY_GROUP: _category_group,
    Step.CATEGORY: _category,
    Step.NAME: _plain("report-ask-name"),
    Step.NIK: _nik,
    Step.NO_NIK_REASON: _no_nik_reason,
    Step.SEX: _sex,
    Step.AGE: _age,
    Step.KECAMATAN: _kecamatan,
    Step.KELURAHAN: _kelurahan,
    Step.ADDRESS: _plain("report-ask-address"),
    Step.LOCATION: _location,
    Step.DESCRIPTION: _plain("report-ask-description"),
    Step.URGENCY: _urgency,
    Step.PHOTOS: _photos,
    Step.REVIEW: _review,
    Step.CONFIRM_CANCEL: _confirm_cancel,
}


async def ask(update: Update, context: BotContext, step: Step, note: str | None = None) -> Step:
    """Send the question for `step` (after an optional note) and remember it as the current step."""
    draft = context.draft
    draft.step = step
    context.draft = draft
    text, markup = PROMPTS[step](context, draft)
    if note:
        text = f"{note}\n\n{text}"
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    return step


async def proceed(update: Update, context: BotContext, done: Step, note: str | None = None) -> Step:
    """Ask whatever comes after the step just answered."""
    return await ask(update, context, next_step(done, context.draft), note)
