"""Spreadsheets admins download: the answer to an access request, and the audit log.

Labels are in the reader's language. In the access file the NIK stays masked like everywhere
else outside the database (the person knows it; the file travels through chat and e-mail).
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from bot.cases import length
from bot.records.audit_review import AUDIT_COLUMNS, AuditLine, audit_rows
from bot.records.audit_words import AuditWords
from bot.records.subject_files import is_voice
from bot.records.subjects import SubjectRecord
from bot.runtime.context import Services
from bot.runtime.spreadsheets import Sheet, local, workbook

CASE_COLUMNS = (
    *("number", "created", "status", "urgency", "category", "name", "nik", "sex", "born"),
    *("age", "kecamatan", "kelurahan", "address", "gps", "description", "photos", "anonymised"),
)
EVENT_COLUMNS = ("case", "event", "note")
REFERRAL_COLUMNS = ("case", "sector", "referred", "outcome", "decided", "note")
FILE_COLUMNS = ("case", "kind", "added", "length", "size", "copy")


def subject_sheet(record: SubjectRecord, services: Services, locale: str) -> bytes:
    """Cases, timelines, referrals, voice notes and documents, and audit rows, one sheet each."""
    texts, regions, tz = services.texts, services.regions, services.settings.tz

    def t(key: str, **args: object) -> str:
        return texts.plain(locale, key, **args)

    numbers = {case.id: case.number for case in record.cases}
    cases = []
    for case in record.cases:
        category = services.categories.get(case.category_code)
        gps = f"{case.latitude}, {case.longitude}" if case.latitude is not None else ""
        cases.append(
            [
                case.number,
                local(case.created_at, tz),
                t(f"status-{case.status}"),
                t(f"urgency-{case.urgency}"),
                category.name(locale) if category else case.category_code,
                case.beneficiary_name,
                case.nik_masked or "",
                t(f"sex-{case.sex}") if case.sex in ("L", "P") else case.sex,
                case.birth_date.strftime("%d-%m-%Y") if case.birth_date else "",
                case.age_years if case.age_years is not None else "",
                regions.name_of(case.kecamatan_code),
                regions.name_of(case.kelurahan_code),
                case.address,
                gps,
                case.description,
                record.photos.get(case.id, 0),
                local(case.anonymised_at, tz),
            ]
        )
    events = [
        [
            numbers.get(event.case_id, ""),
            t(
                f"event-{event.kind}",
                when=event.at.astimezone(tz).strftime("%d-%m-%Y %H:%M"),
                who=name or t("actor-bot"),
            ),
            event.note or "",
        ]
        for event, name in record.events
    ]
    referrals = [
        [
            numbers.get(referral.case_id, ""),
            services.sectors.name(referral.sector, locale),
            local(referral.referred_at, tz),
            t(f"outcome-{referral.outcome or 'pending'}"),
            local(referral.outcome_at, tz),
            referral.note or "",
        ]
        for referral in record.referrals
    ]
    files = [
        [
            numbers.get(file.case_id, ""),
            t(f"file-kind-{file.kind}"),
            local(file.added_at, tz),
            length(file.duration) if is_voice(file) else "",
            file.size or "",
            file.copy_name(numbers.get(file.case_id, "")) if file.data is not None else "",
        ]
        for file in record.files
    ]
    return workbook(
        [
            Sheet(t("subject-sheet-cases"), _header(t, CASE_COLUMNS), cases),
            Sheet(t("subject-sheet-events"), _header(t, EVENT_COLUMNS), events),
            Sheet(t("subject-sheet-referrals"), _header(t, REFERRAL_COLUMNS), referrals),
            Sheet(t("subject-sheet-files"), _header(t, FILE_COLUMNS), files),
            _audit_sheet(t, record.audit, tz, AuditWords(texts, locale, regions)),
        ]
    )


def audit_sheet(lines: list[AuditLine], services: Services, locale: str) -> bytes:
    """Audit entries, newest first, one sheet."""

    def t(key: str, **args: object) -> str:
        return services.texts.plain(locale, key, **args)

    words = AuditWords(services.texts, locale, services.regions)
    return workbook([_audit_sheet(t, lines, services.settings.tz, words)])


def _audit_sheet(
    t: Callable[[str], str], lines: list[AuditLine], tz: ZoneInfo, words: AuditWords
) -> Sheet:
    header = [t(f"audit-col-{column}") for column in AUDIT_COLUMNS]
    return Sheet(t("subject-sheet-audit"), header, audit_rows(lines, tz, t("actor-bot"), words))


def _header(t: Callable[[str], str], columns: tuple[str, ...]) -> list[str]:
    return [t(f"subject-col-{column}") for column in columns]
