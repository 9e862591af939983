"""How cases look in chat: the paged list with its filters, and one case with its timeline."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.cases.lifecycle import Action, Status
from bot.cases.queries import PAGE_SIZE, Filters
from bot.runtime.context import BotContext, Services
from bot.runtime.texts import MAX_MESSAGE, Html, telegram_length
from storage.cases import Case, CaseEvent, Referral
from storage.people import Role, User

URGENCY_ICON = {"darurat": "🔴", "tinggi": "🟠", "sedang": "🟡", "rendah": "🟢"}
STATUS_CYCLE = ["open", *[s.value for s in Status], "all"]
URGENCY_CYCLE = [None, "darurat", "tinggi", "sedang", "rendah"]
# Actions that need words (or sectors) from the user go through the input conversation.
NEEDS_INPUT = {Action.NOTE, Action.RETURN, Action.ANSWER, Action.CLOSE, Action.REFER}
# A case is shown in one message; the timeline gives way, oldest events first. show_case may
# put a short note above it.
NOTE_ROOM = 200


def list_data(page: int, f: Filters) -> str:
    return f"k:l:{page}:{f.status}:{f.urgency or '-'}:{f.kecamatan or '-'}"


def parse_list_data(data: str) -> tuple[int, Filters]:
    _, _, page, status, urgency, kecamatan = data.split(":")
    return int(page), Filters(
        status, None if urgency == "-" else urgency, None if kecamatan == "-" else kecamatan
    )


def _cycle(values: list[str | None], current: str | None) -> str | None:
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


def _filter_row(c: BotContext, actor: User, f: Filters) -> list[InlineKeyboardButton]:
    """One button per filter; each tap moves that filter to its next value."""
    areas = sorted(actor.area_codes)
    if actor.role == Role.ADMIN:
        areas = [k.code for k in c.services.regions.kecamatan]
    statuses: list[str | None] = list(STATUS_CYCLE)
    if f.status in ("open", "all"):
        status_label = c.t(f"filter-status-{f.status}")
    else:
        status_label = c.t(f"status-{f.status}")
    urgency_label = c.t(f"urgency-{f.urgency}") if f.urgency else c.t("filter-urgency-all")
    next_status = Filters(_cycle(statuses, f.status) or "open", f.urgency, f.kecamatan)
    next_urgency = Filters(f.status, _cycle(URGENCY_CYCLE, f.urgency), f.kecamatan)
    row = [
        InlineKeyboardButton(status_label, callback_data=list_data(0, next_status)),
        InlineKeyboardButton(urgency_label, callback_data=list_data(0, next_urgency)),
    ]
    if len(areas) > 1:
        name = c.services.regions.name_of(f.kecamatan) if f.kecamatan else None
        next_area = Filters(f.status, f.urgency, _cycle([None, *areas], f.kecamatan))
        label = name or c.t("filter-kecamatan-all")
        row.append(InlineKeyboardButton(label, callback_data=list_data(0, next_area)))
    return row


def _list_label(c: BotContext, case: Case) -> str:
    icon = URGENCY_ICON.get(case.urgency, "")
    return f"{icon} {case.number} · {case.beneficiary_name[:20]} · {c.t(f'status-{case.status}')}"


def case_list(
    c: BotContext, actor: User, cases: list[Case], total: int, page: int, f: Filters
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The list message: one button per case, paging, and filters for coordinators.

    A PSM without cases gets no keyboard at all: Telegram refuses an empty one.
    """
    pages = max(1, -(-total // PAGE_SIZE))
    if total:
        text = c.t("cases-list", total=total, page=page + 1, pages=pages)
    else:
        text = c.t("cases-empty" if actor.role in (Role.COORDINATOR, Role.ADMIN) else "cases-none")
    rows = [
        [InlineKeyboardButton(_list_label(c, case), callback_data=f"k:o:{case.id}")]
        for case in cases
    ]
    pager = []
    if page > 0:
        pager.append(InlineKeyboardButton("◀️", callback_data=list_data(page - 1, f)))
    if page + 1 < pages:
        pager.append(InlineKeyboardButton("▶️", callback_data=list_data(page + 1, f)))
    if pager:
        rows.append(pager)
    if actor.role in (Role.COORDINATOR, Role.ADMIN):
        rows.append(_filter_row(c, actor, f))
    return text, InlineKeyboardMarkup(rows) if rows else None


def event_detail(services: Services, locale: str, event: CaseEvent) -> str | None:
    """Sector names and outcomes of an event, in the reader's language, with its note."""
    data, parts = event.data or {}, []
    if "sectors" in data:
        parts.append(", ".join(services.sectors.name(code, locale) for code in data["sectors"]))
    if "outcome" in data:
        outcome = services.texts.get(locale, f"outcome-{data['outcome']}")
        parts.append(f"{services.sectors.name(data['sector'], locale)}: {outcome}")
    if event.note:
        parts.append(event.note[:300])
    return " · ".join(parts) or None


def _event_line(c: BotContext, event: CaseEvent, actor_name: str | None) -> str:
    when = event.at.astimezone(c.services.settings.tz).strftime("%d-%m %H:%M")
    line = c.t(f"event-{event.kind}", when=when, who=actor_name or c.t("actor-bot"))
    detail = event_detail(c.services, c.locale, event)
    return line + (c.t("event-note-suffix", note=detail) if detail else "")


def _newest_that_fit(lines: list[str], room: int) -> list[str]:
    """The newest lines (the list is oldest first) that fit in `room` together."""
    kept: list[str] = []
    for line in reversed(lines):
        room -= telegram_length(line) + 1
        if room < 0:
            break
        kept.append(line)
    return kept[::-1]


def case_detail(
    c: BotContext,
    case: Case,
    reporter: str,
    events: list[tuple[CaseEvent, str | None]],
    referrals: list[Referral],
    actions: list[Action],
    photo_count: int,
) -> tuple[Html, InlineKeyboardMarkup]:
    """One case: facts (NIK masked), referrals, timeline, and the buttons its viewer may use."""
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
    header = "\n\n" + c.t("timeline-header") + "\n"
    room = MAX_MESSAGE - NOTE_ROOM - telegram_length(text + header)
    text += header + "\n".join(_newest_that_fit([_event_line(c, e, n) for e, n in events], room))
    rows: list[list[InlineKeyboardButton]] = []
    for action in actions:
        if action is Action.OUTCOME:
            continue
        kind = "t" if action in NEEDS_INPUT else "v"
        rows.append(
            [
                InlineKeyboardButton(
                    c.t(f"action-{action.value}"),
                    callback_data=f"k:{kind}:{action.value}:{case.id}:{case.status}",
                )
            ]
        )
    if Action.OUTCOME in actions:
        for r in referrals:
            if r.outcome is None:
                rows.append(
                    [
                        InlineKeyboardButton(
                            c.t(
                                "action-outcome", sector=c.services.sectors.name(r.sector, c.locale)
                            ),
                            callback_data=f"k:r:{r.id}",
                        )
                    ]
                )
    if photo_count:
        label = c.t("button-case-photos", count=photo_count)
        rows.append([InlineKeyboardButton(label, callback_data=f"k:p:{case.id}")])
    back = c.t("button-case-list")
    rows.append([InlineKeyboardButton(back, callback_data=list_data(0, Filters()))])
    return Html(text), InlineKeyboardMarkup(rows)
