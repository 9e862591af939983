"""How a subject request looks in chat: what was found, and the question before erasing."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.cases import Status
from bot.records import SubjectButton, SubjectRecord, SubjectStep
from bot.runtime.context import BotContext

SHOWN = 15


def subject_summary(c: BotContext, found: SubjectRecord) -> tuple[str, InlineKeyboardMarkup | None]:
    """The cases found (number, date, status, kecamatan) and how much more is held."""
    request = found.request
    if not found.cases:
        return c.t("subject-none", request=request.id), None
    tz, regions = c.services.settings.tz, c.services.regions
    lines = [
        c.t(
            "subject-case-line",
            number=case.number,
            date=case.created_at.astimezone(tz).strftime("%d-%m-%Y"),
            status=c.t(f"status-{case.status}"),
            kecamatan=regions.name_of(case.kecamatan_code),
        )
        for case in found.cases[:SHOWN]
    ]
    header = c.t(
        "subject-found",
        request=request.id,
        cases=len(found.cases),
        events=len(found.events),
        referrals=len(found.referrals),
        audit=len(found.audit),
    )
    buttons = [
        [_button(c, "button-subject-export", SubjectStep.EXPORT, request.id)],
        [_button(c, "button-subject-erase", SubjectStep.ERASE, request.id)],
    ]
    return "\n".join([header, *lines]), InlineKeyboardMarkup(buttons)


def erase_question(c: BotContext, found: SubjectRecord) -> tuple[str, InlineKeyboardMarkup]:
    """Say what erasing does, and how many of the cases are still being handled."""
    still_open = sum(1 for case in found.cases if case.status != Status.SELESAI)
    text = c.t("subject-erase-confirm", cases=len(found.cases), open=still_open)
    rows = [
        [_button(c, "button-subject-erase-yes", SubjectStep.CONFIRM, found.request.id)],
        [_button(c, "button-subject-erase-no", SubjectStep.KEEP, found.request.id)],
    ]
    return text, InlineKeyboardMarkup(rows)


def _button(c: BotContext, key: str, step: SubjectStep, request_id: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(c.t(key), callback_data=SubjectButton(step, request_id).encode())
