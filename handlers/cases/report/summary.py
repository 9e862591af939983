"""The report summary shown at review and sent to coordinators; the NIK is always masked."""

from __future__ import annotations

from datetime import date

from bot.cases.draft import Draft
from bot.runtime.context import BotContext, Services
from bot.runtime.texts import Html

NO_NIK_REASONS = ("belum", "hilang", "tidaktahu")


def summary_fields(services: Services, locale: str, draft: Draft, today: date) -> dict[str, object]:
    """Catalog arguments describing every answer of the draft, in the reader's language."""
    texts, regions = services.texts, services.regions

    def t(key: str, **args: object) -> str:
        return texts.get(locale, key, **args)

    category = services.categories.get(draft.category or 0)
    if draft.nik_masked:
        nik = draft.nik_masked
    elif draft.no_nik_reason:
        nik = t("summary-no-nik", reason=no_nik_label(services, locale, draft.no_nik_reason))
    else:
        nik = "-"
    age = draft.age_on(today)
    if draft.birth:
        age_text = t("summary-age-born", age=age or 0, born=draft.birth.strftime("%d-%m-%Y"))
    elif age is not None:
        age_text = t("summary-age", age=age)
    else:
        age_text = t("summary-unknown")
    gps = t("summary-gps-yes") if draft.latitude is not None else t("summary-gps-no")
    return {
        "category": category.name(locale) if category else "-",
        "name": draft.name or "-",
        "nik": nik,
        "sex": t(f"sex-{draft.sex}") if draft.sex else "-",
        "age": age_text,
        "kelurahan": regions.name_of(draft.kelurahan),
        "kecamatan": regions.name_of(draft.kecamatan),
        "address": draft.address or "-",
        "gps": gps,
        "description": draft.description or "-",
        "urgency": t(f"urgency-{draft.urgency}") if draft.urgency else "-",
        "photos": len(draft.photos),
    }


def no_nik_label(services: Services, locale: str, reason: str) -> str:
    """A reason chosen by button is stored as its key; a typed one as the PSM wrote it."""
    if reason in NO_NIK_REASONS:
        return services.texts.get(locale, f"no-nik-{reason}")
    return reason


def review_text(context: BotContext, draft: Draft) -> Html:
    """The review message: every answer, and a warning when sex or age disagree with the NIK."""
    today = context.services.today()
    fields = summary_fields(context.services, context.locale, draft, today)
    text = context.t("report-review", **fields)
    if draft.nik_mismatch(today):
        text += "\n\n" + context.t("report-nik-mismatch")
    return Html(text)
