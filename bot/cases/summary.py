"""A case's answers as shown to people: at the PSM's review and in the coordinators' alert.

The NIK is always masked; names of places, categories and reasons are in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.cases.draft import Draft
from bot.reference.categories import Categories
from bot.reference.regions import Regions
from bot.runtime.answers import years_between
from bot.runtime.texts import Texts
from storage.cases import Case

NO_NIK_REASONS = ("belum", "hilang", "tidaktahu")


@dataclass(frozen=True)
class Summary:
    """The answers of a report, whether still a draft or already a case."""

    category: int | None
    name: str | None
    nik_masked: str | None
    no_nik_reason: str | None
    sex: str | None
    birth: date | None
    age: int | None
    kecamatan: str | None
    kelurahan: str | None
    address: str | None
    gps: bool
    description: str | None
    urgency: str | None
    photos: int

    @classmethod
    def of_draft(cls, draft: Draft, today: date) -> Summary:
        return cls(
            draft.category, draft.name, draft.nik_masked, draft.no_nik_reason, draft.sex,
            draft.birth, draft.age_on(today), draft.kecamatan, draft.kelurahan, draft.address,
            draft.latitude is not None, draft.description, draft.urgency, len(draft.photos),
        )  # fmt: skip

    @classmethod
    def of_case(cls, case: Case, photos: int) -> Summary:
        born = case.birth_date
        age = years_between(born, case.created_at.date()) if born else case.age_years
        return cls(
            case.category_code, case.beneficiary_name, case.nik_masked, case.no_nik_reason,
            case.sex, born, age, case.kecamatan_code, case.kelurahan_code, case.address,
            case.latitude is not None, case.description, case.urgency, photos,
        )  # fmt: skip


def summary_fields(
    texts: Texts, regions: Regions, categories: Categories, locale: str, summary: Summary
) -> dict[str, object]:
    """Catalog arguments describing every answer, in the reader's language."""

    def t(key: str, **args: object) -> str:
        return texts.get(locale, key, **args)

    category = categories.get(summary.category or 0)
    if summary.nik_masked:
        nik = summary.nik_masked
    elif summary.no_nik_reason:
        nik = t("summary-no-nik", reason=no_nik_label(texts, locale, summary.no_nik_reason))
    else:
        nik = "-"
    if summary.birth:
        born = summary.birth.strftime("%d-%m-%Y")
        age_text = t("summary-age-born", age=summary.age or 0, born=born)
    elif summary.age is not None:
        age_text = t("summary-age", age=summary.age)
    else:
        age_text = t("summary-unknown")
    return {
        "category": category.name(locale) if category else "-",
        "name": summary.name or "-",
        "nik": nik,
        "sex": t(f"sex-{summary.sex}") if summary.sex else "-",
        "age": age_text,
        "kelurahan": regions.name_of(summary.kelurahan),
        "kecamatan": regions.name_of(summary.kecamatan),
        "address": summary.address or "-",
        "gps": t("summary-gps-yes") if summary.gps else t("summary-gps-no"),
        "description": summary.description or "-",
        "urgency": t(f"urgency-{summary.urgency}") if summary.urgency else "-",
        "photos": summary.photos,
    }


def no_nik_label(texts: Texts, locale: str, reason: str) -> str:
    """A reason chosen by button is stored as its key; a typed one as the PSM wrote it."""
    if reason in NO_NIK_REASONS:
        return texts.get(locale, f"no-nik-{reason}")
    return reason
