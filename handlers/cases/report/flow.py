"""The /lapor wizard: one question per step, the text and buttons that ask it."""

from __future__ import annotations

from collections.abc import Callable

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.cases.draft import Draft
from bot.cases.summary import NO_NIK_REASONS, Summary, summary_fields
from bot.runtime.context import BotContext
from bot.runtime.texts import Html
from handlers.cases.report.buttons import (
    Act,
    AgeUnknown,
    CancelAnswer,
    Category,
    CategoryGroup,
    EditAnswer,
    Kecamatan,
    Kelurahan,
    NoNikReason,
    Photos,
    PhotosAct,
    Sex,
    SexChoice,
    Tap,
    Urgent,
)
from handlers.cases.report.steps import EDITABLE, NEEDS, Step, next_step
from handlers.keyboards import YesNo, grid, kecamatan_list, kelurahan_list
from handlers.wizard import Markup, Texts, Wizard
from storage.cases import Urgency


def _category_group(c: BotContext, d: Draft) -> tuple[str, Markup]:
    groups = c.services.categories.groups
    choices = ((c.t(f"category-group-{g}"), CategoryGroup(g).encode()) for g in groups)
    return c.t("report-ask-category-group"), grid(choices)


def _category(c: BotContext, d: Draft) -> tuple[str, Markup]:
    group = d.category_group or ""
    choices = (
        (k.name(c.locale), Category(k.code).encode()) for k in c.services.categories.in_group(group)
    )
    back = (c.t("button-back"), Tap(Act.BACK).encode())
    label = c.t(f"category-group-{group}")
    return c.t("report-ask-category", group=label), grid(choices, extra=[back])


def _nik(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-nik"), grid([(c.t("button-no-nik"), Tap(Act.NO_NIK).encode())])


def _no_nik_reason(c: BotContext, d: Draft) -> tuple[str, Markup]:
    choices = [(c.t(f"no-nik-{why}"), NoNikReason(why).encode()) for why in NO_NIK_REASONS]
    return c.t("report-ask-no-nik-reason"), grid(choices)


def _sex(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-sex"), grid(
        ((c.t(f"sex-{sex}"), SexChoice(sex).encode()) for sex in Sex), 2
    )


def _age(c: BotContext, d: Draft) -> tuple[str, Markup]:
    return c.t("report-ask-age"), grid([(c.t("button-age-unknown"), AgeUnknown().encode())])


def _kecamatan(c: BotContext, d: Draft) -> tuple[str, Markup]:
    regions = c.services.regions
    home = regions.get_kelurahan(d.home_kelurahan or "")
    shortcut = (
        [(c.t("button-my-kelurahan", kelurahan=home.name), Tap(Act.OWN_KELURAHAN).encode())]
        if home
        else []
    )
    return c.t("report-ask-kecamatan"), kecamatan_list(regions, Kecamatan, shortcut)


def _kelurahan(c: BotContext, d: Draft) -> tuple[str, Markup]:
    kecamatan = c.services.regions.get_kecamatan(d.kecamatan or "")
    assert kecamatan is not None, "the kecamatan step comes first"
    keyboard = kelurahan_list(c.services.texts, c.locale, kecamatan, Kelurahan, Tap(Act.BACK))
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
    return c.t("report-ask-urgency"), grid(
        (c.t(f"urgency-{level}"), Urgent(level).encode()) for level in Urgency
    )


def _photos(c: BotContext, d: Draft) -> tuple[str, Markup]:
    clear = (c.t("button-photos-clear"), Photos(PhotosAct.CLEAR).encode())
    extra = [clear] if d.photos else []
    done = c.t("button-photos-done") if d.photos else c.t("button-photos-none")
    text = c.t("report-ask-photos", count=len(d.photos))
    return text, grid([(done, Photos(PhotosAct.DONE).encode()), *extra])


def review_text(c: BotContext, draft: Draft) -> Html:
    """Every answer, and a warning when sex or age disagree with the NIK."""
    s, today = c.services, c.services.today()
    summary = Summary.of_draft(draft, today)
    fields = summary_fields(s.texts, s.regions, s.categories, c.locale, summary)
    documents = sum(1 for f in draft.files if f["kind"] == "document")
    if documents:  # shown beside the photos, where they were sent
        fields["photos"] = f"{fields['photos']} · {c.t('case-alert-documents', count=documents)}"
    text = c.t("report-review", **fields)
    if draft.nik_mismatch(today):
        text += "\n\n" + c.t("report-nik-mismatch")
    return Html(text)


def _review(c: BotContext, d: Draft) -> tuple[str, Markup]:
    # Sending first, where the thumb is: the edits are for the few who need them.
    submit = [[InlineKeyboardButton(c.t("button-submit"), callback_data=Tap(Act.SUBMIT).encode())]]
    edits = [(c.t(f"edit-{field}"), EditAnswer(field).encode()) for field in EDITABLE]
    cancel = [(c.t("button-cancel-report"), Tap(Act.CANCEL).encode())]
    keyboard = grid(edits, columns=3, extra=cancel).inline_keyboard
    return review_text(c, d), InlineKeyboardMarkup([*submit, *keyboard])


def _confirm_cancel(c: BotContext, d: Draft) -> tuple[str, Markup]:
    choices = [
        (c.t("button-cancel-yes"), CancelAnswer(YesNo.YES).encode()),
        (c.t("button-cancel-no"), CancelAnswer(YesNo.NO).encode()),
    ]
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


REPORT: Wizard[Step, Draft] = Wizard(
    name="report",
    steps=Step,
    draft=Draft,
    texts=Texts(command="wrong-command", resume="report-resume", needs=NEEDS, busy="busy-report"),
    prompts=PROMPTS,
    follows=next_step,
)
