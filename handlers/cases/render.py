"""How cases look in chat: the paged list with its filters, and one case with its timeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.cases.buttons import (
    CaseHistory,
    CaseList,
    CasePhotos,
    OpenCase,
    ReferralMenu,
    StatusFilter,
    Tap,
    TapAction,
    Typed,
    TypedAction,
)
from bot.cases.lifecycle import Action, Status
from bot.cases.messages import CaseMessages
from bot.cases.queries import COUNT_CAP, PAGE_SIZE, CasePage, Filters
from bot.cases.reading import CaseView
from bot.runtime.context import BotContext
from bot.runtime.texts import MAX_MESSAGE, Html, first_that_fit, telegram_length
from handlers.cases.files import file_buttons
from storage.cases import Case, CaseEvent, Urgency
from storage.people import Role, User

URGENCY_ICON: dict[str, str] = {
    Urgency.DARURAT: "🔴",
    Urgency.TINGGI: "🟠",
    Urgency.SEDANG: "🟡",
    Urgency.RENDAH: "🟢",
}
# Each tap on a filter button moves it to the next value.
STATUS_CYCLE = [StatusFilter.OPEN, *(StatusFilter(s.value) for s in Status), StatusFilter.ALL]
URGENCY_CYCLE: list[Urgency | None] = [None, *Urgency]
# A PSM's own cases: open, closed or all, so that a closed case stays findable.
MINE = (StatusFilter.OPEN, StatusFilter.SELESAI, StatusFilter.ALL)
# Actions that need words (or sectors) from the user go through the input conversation.
NEEDS_INPUT = {Action.NOTE, Action.RETURN, Action.ANSWER, Action.CLOSE, Action.REFER}
T = TypeVar("T")
# A case is shown in one message; the timeline gives way, oldest events first. show_case may
# put a short note above it.
NOTE_ROOM = 200


def list_button(page: int, f: Filters) -> str:
    return CaseList(page, f.status, f.urgency, f.kecamatan).encode()


def _cycle(values: Sequence[T], current: T) -> T:
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


def _filter_row(c: BotContext, actor: User, f: Filters) -> list[InlineKeyboardButton]:
    """One button per filter; each tap moves that filter to its next value."""
    if actor.role == Role.ADMIN:
        areas = [k.code for k in c.services.regions.kecamatan]
    else:
        areas = sorted(actor.area_codes)
    if f.status in (StatusFilter.OPEN, StatusFilter.ALL):
        status_label = c.t(f"filter-status-{f.status}")
    else:
        status_label = c.t(f"status-{f.status}")
    urgency_label = c.t(f"urgency-{f.urgency}") if f.urgency else c.t("filter-urgency-all")
    next_status = Filters(_cycle(STATUS_CYCLE, f.status), f.urgency, f.kecamatan)
    next_urgency = Filters(f.status, _cycle(URGENCY_CYCLE, f.urgency), f.kecamatan)
    row = [
        InlineKeyboardButton(status_label, callback_data=list_button(0, next_status)),
        InlineKeyboardButton(urgency_label, callback_data=list_button(0, next_urgency)),
    ]
    if len(areas) > 1:
        name = c.services.regions.name_of(f.kecamatan) if f.kecamatan else None
        kecamatan: list[str | None] = [None, *areas]
        next_area = Filters(f.status, f.urgency, _cycle(kecamatan, f.kecamatan))
        label = name or c.t("filter-kecamatan-all")
        row.append(InlineKeyboardButton(label, callback_data=list_button(0, next_area)))
    return row


def _mine_row(c: BotContext, f: Filters) -> list[InlineKeyboardButton]:
    """Open / closed / all, the one shown marked."""
    return [
        InlineKeyboardButton(
            ("• " if status == f.status else "") + c.t(f"filter-mine-{status}"),
            callback_data=list_button(0, Filters(status)),
        )
        for status in MINE
    ]


def _list_label(c: BotContext, case: Case) -> str:
    icon = URGENCY_ICON.get(case.urgency, "")
    return f"{icon} {case.number} · {case.beneficiary_name[:20]} · {c.t(f'status-{case.status}')}"


def _list_heading(c: BotContext, actor: User, f: Filters, listed: CasePage) -> str:
    if listed.total is None:
        return c.t("cases-list-many", cap=COUNT_CAP, page=listed.page + 1)
    if not listed.total:
        psm_open = actor.role == Role.PSM and f.status is StatusFilter.OPEN
        return c.t("cases-none" if psm_open else "cases-empty")
    pages = max(1, -(-listed.total // PAGE_SIZE))
    return c.t("cases-list", total=listed.total, page=listed.page + 1, pages=pages)


def case_list(
    c: BotContext, actor: User, listed: CasePage, f: Filters
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The list message: one button per case, paging, and filters (a PSM's are simpler)."""
    rows = _case_buttons(c, listed.cases)
    page, pager = listed.page, []
    if page > 0:
        pager.append(InlineKeyboardButton("◀️", callback_data=list_button(page - 1, f)))
    if listed.has_next:
        pager.append(InlineKeyboardButton("▶️", callback_data=list_button(page + 1, f)))
    if pager:
        rows.append(pager)
    if actor.role in (Role.COORDINATOR, Role.ADMIN):
        rows.append(_filter_row(c, actor, f))
    else:
        rows.append(_mine_row(c, f))
    return _list_heading(c, actor, f, listed), InlineKeyboardMarkup(rows)


def _case_buttons(c: BotContext, cases: Sequence[Case]) -> list[list[InlineKeyboardButton]]:
    """One row per case, opening it."""
    return [
        [InlineKeyboardButton(_list_label(c, case), callback_data=OpenCase(case.id).encode())]
        for case in cases
    ]


def found_by_nik(
    c: BotContext, nik_masked: str, cases: list[Case]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The cases of one person the caller may see, a button each; the NIK shown masked."""
    if not cases:
        return c.t("cases-by-nik-none", nik=nik_masked), None
    rows = _case_buttons(c, cases)
    return c.t("cases-by-nik", nik=nik_masked, total=len(cases)), InlineKeyboardMarkup(rows)


def event_line(c: BotContext, event: CaseEvent, actor_name: str | None) -> str:
    when = event.at.astimezone(c.services.settings.tz).strftime("%d-%m %H:%M")
    line = c.t(f"event-{event.kind}", when=when, who=actor_name or c.t("actor-bot"))
    detail = CaseMessages(c.services).event_detail(c.locale, event)
    return line + (c.t("event-note-suffix", note=detail) if detail else "")


def case_detail(c: BotContext, view: CaseView) -> tuple[Html, InlineKeyboardMarkup]:
    """One case: facts (NIK masked), referrals, timeline, and the buttons its viewer may use."""
    case, events, referrals, actions = view.case, view.events, view.referrals, view.actions
    reporter, photo_count = view.reporter, view.photos
    regions, category = c.services.regions, c.services.categories.get(case.category_code)
    referral_lines = [
        c.t(
            "referral-line",
            sector=c.services.sectors.name(r.sector, c.locale),
            outcome=c.t(f"outcome-{r.outcome or 'pending'}"),
        )
        for r in referrals
    ]
    text = c.t(
        "case-detail",
        number=case.number,
        status=c.t(f"status-{case.status}"),
        urgency=c.t(f"urgency-{case.urgency}"),
        category=category.name(c.locale) if category else "-",
        name=case.beneficiary_name,
        nik=case.nik_masked or "-",
        address=case.address,
        kelurahan=regions.name_of(case.kelurahan_code),
        kecamatan=regions.name_of(case.kecamatan_code),
        reporter=reporter,
        description=case.description[:800],
        photos=photo_count,
    )
    if referral_lines:
        text += "\n\n" + c.t("referrals-header") + "\n" + "\n".join(referral_lines)
    if view.links.shown:
        text += "\n\n" + CaseMessages(c.services).linked_cases(c.locale, view.links.shown)
    elif view.links.any:
        text += "\n\n" + c.t("case-linked-elsewhere")
    header = "\n\n" + c.t("timeline-header") + "\n"
    room = MAX_MESSAGE - NOTE_ROOM - telegram_length(text + header)
    # The newest events that fit; the list is oldest first.
    timeline = [event_line(c, e, n) for e, n in reversed(events)]
    text += header + "\n".join(first_that_fit(timeline, room)[::-1])
    rows: list[list[InlineKeyboardButton]] = []
    for action in actions:
        if action is Action.OUTCOME:
            continue
        status = Status(case.status)
        if action in NEEDS_INPUT:
            data = TypedAction(Typed(action.value), case.id, status).encode()
        else:
            data = TapAction(Tap(action.value), case.id, status).encode()
        rows.append([InlineKeyboardButton(c.t(f"action-{action.value}"), callback_data=data)])
    if Action.OUTCOME in actions:
        for r in referrals:
            if r.outcome is None:
                rows.append(
                    [
                        InlineKeyboardButton(
                            c.t(
                                "action-outcome", sector=c.services.sectors.name(r.sector, c.locale)
                            ),
                            callback_data=ReferralMenu(r.id).encode(),
                        )
                    ]
                )
    if photo_count:
        label = c.t("button-case-photos", count=photo_count)
        rows.append([InlineKeyboardButton(label, callback_data=CasePhotos(case.id).encode())])
    if view.more_events:
        label = c.t("button-case-history")
        rows.append([InlineKeyboardButton(label, callback_data=CaseHistory(case.id).encode())])
    rows += file_buttons(c, case.id, view.files)
    back = c.t("button-case-list")
    rows.append([InlineKeyboardButton(back, callback_data=list_button(0, Filters()))])
    return Html(text), InlineKeyboardMarkup(rows)
