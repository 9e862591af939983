"""How people look in chat: /pengguna's paged list with its filters, and one person's page."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.people.buttons import Act, OpenPerson, PeopleFilter, PeopleList, PersonAction
from bot.people.listing import PAGE, Listed, PersonPage
from bot.people.messages import Wording
from bot.privacy.access import scope_of
from bot.runtime.context import BotContext
from bot.runtime.texts import Html
from storage.people import Role, User, UserStatus

STATUS_ICON = {"active": "🟢", "pending": "⏳", "inactive": "⚫", "blocked": "🚫", "rejected": "✖️"}


def when(c: BotContext, moment: datetime | None, with_time: bool = False) -> str:
    if moment is None:
        return c.t("people-never")
    local = moment.astimezone(c.services.settings.tz)
    return local.strftime("%d-%m-%Y %H:%M" if with_time else "%d-%m-%Y")


def _filters(c: BotContext, current: PeopleFilter) -> list[list[InlineKeyboardButton]]:
    buttons = [
        InlineKeyboardButton(
            ("• " if f is current else "") + c.t(f"people-filter-{f}"),
            callback_data=PeopleList(0, f).encode(),
        )
        for f in PeopleFilter
    ]
    return [buttons[:3], buttons[3:]]


def people_list(
    c: BotContext,
    people: list[Listed],
    total: int,
    page: int,
    which: PeopleFilter,
    search: str | None = None,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The page's people (status, place, last activity), one button each, filters, pages."""
    wording = Wording.of(c.services)
    if search:
        head = c.t("people-list-search", search=search, total=total)
    else:
        head = c.t("people-list-title", filter=c.t(f"people-filter-{which}"), total=total)
    lines = [
        c.t(
            "people-list-line",
            icon=STATUS_ICON.get(item.user.status, ""),
            name=item.user.full_name,
            place=wording.place(item.user),
            when=when(c, item.last_activity),
        )
        for item in people
    ]
    if search and total > len(people):
        lines.append(c.t("people-list-more", shown=len(people)))
    text = "\n".join([head, "", *lines]) if people else f"{head}\n\n{c.t('people-list-empty')}"
    rows = [
        [InlineKeyboardButton(item.user.full_name, callback_data=OpenPerson(item.user.id).encode())]
        for item in people
    ]
    if not search:
        pages = []
        if page > 0:
            pages.append(("⬅️", PeopleList(page - 1, which).encode()))
        if (page + 1) * PAGE < total:
            pages.append(("➡️", PeopleList(page + 1, which).encode()))
        rows.append([InlineKeyboardButton(label, callback_data=data) for label, data in pages])
        rows += _filters(c, which)
    rows = [row for row in rows if row]
    return text, InlineKeyboardMarkup(rows) if rows else None


def _history(c: BotContext, wording: Wording, view: PersonPage) -> list[str]:
    lines = [
        c.t(
            "person-history-line",
            when=when(c, event.at, with_time=True),
            who=who or c.t("person-by-roster"),
            change=wording.event_text(c.locale, event),
        )
        for event, who in view.history
    ]
    return lines or [c.t("person-history-empty")]


def _actions(c: BotContext, actor: User, person: User) -> list[tuple[str, Act]]:
    scope, status = scope_of(actor), UserStatus(person.status)
    if not scope.may_change(person):
        return []
    acts = [("person-act-on", Act.REACTIVATE)] if status is UserStatus.INACTIVE else []
    if status in (UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.BLOCKED):
        acts.append(("person-act-off", Act.DEACTIVATE))
    if person.role == Role.PSM and status is UserStatus.ACTIVE:
        acts.append(("person-act-move", Act.MOVE))
    if scope.manages_roles:
        acts.append(("person-act-role", Act.ROLE))
        if person.role == Role.COORDINATOR:
            acts.append(("person-act-areas", Act.AREAS))
    return [(c.t(key), act) for key, act in acts]


def person_detail(
    c: BotContext, actor: User, view: PersonPage, open_cases: list[str]
) -> tuple[str, InlineKeyboardMarkup]:
    """Who they are, where, their cases and history, and what the actor may do."""
    person, wording = view.person, Wording.of(c.services)
    parts = [
        c.t(
            "person-page",
            name=person.full_name,
            phone=person.phone or "-",
            role=c.t(f"role-{person.role}"),
            status=c.t(f"person-status-{person.status}"),
            place=wording.place(person),
            report=when(c, view.last_report),
            seen=when(c, person.last_seen_at),
            cases=", ".join(open_cases) if open_cases else c.t("person-no-cases"),
        )
    ]
    if view.move_request is not None:
        target = c.services.regions.name_of(view.move_request.kelurahan_code)
        parts.append(c.t("person-page-move-request", target=target))
    parts += ["", c.t("person-page-history"), *_history(c, wording, view)]
    status = UserStatus(person.status)
    rows = [
        [InlineKeyboardButton(label, callback_data=PersonAction(act, person.id, status).encode())]
        for label, act in _actions(c, actor, person)
    ]
    rows.append([InlineKeyboardButton(c.t("person-back"), callback_data=PeopleList().encode())])
    return Html("\n".join(parts)), InlineKeyboardMarkup(rows)
