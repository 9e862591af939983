"""What the bot tells people about cases on its own: alerts, notices, nudges, reminders.

Each is rendered from committed rows, in the recipient's language, as an outbox payload.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.cases.buttons import Nudge, NudgeReply, OpenCase, Typed, TypedAction
from bot.cases.lifecycle import Action, Status
from bot.cases.summary import Summary, summary_fields
from bot.delivery import Buttons, Payload
from bot.runtime.context import Services
from storage.cases import Case, CaseEvent, Urgency
from storage.people import User

LINKED_SHOWN = 10


class CaseMessages:
    """Renders case payloads; the one place that knows their wording and buttons."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def locale_of(self, user: User) -> str:
        return user.locale or self.services.settings.default_locale

    def t(self, locale: str, key: str, **args: object) -> str:
        return self.services.texts.get(locale, key, **args)

    def _open(self, locale: str, case: Case) -> Buttons:
        return [[(self.t(locale, "button-open-case"), OpenCase(case.id).encode())]]

    def alert(
        self,
        locale: str,
        case: Case,
        reporter: User,
        photos: int,
        earlier: Sequence[Case] = (),
    ) -> Payload:
        """A new case for its coordinators; a Darurat one is marked loudly, a repeated person
        with the earlier cases' numbers and statuses."""
        s = self.services
        fields = summary_fields(
            s.texts, s.regions, s.categories, locale, Summary.of_case(case, photos)
        )
        key = "case-new-darurat" if case.urgency == Urgency.DARURAT else "case-new"
        # A phone number in a message is a tap-to-call link in every Telegram client.
        phone = reporter.phone or "-"
        text = self.t(
            locale, key, number=case.number, reporter=reporter.full_name, phone=phone, **fields
        )
        if earlier:
            text += "\n\n" + self.linked_cases(locale, earlier)
        return Payload(text=text, buttons=self._open(locale, case), case_id=case.id)

    def place(self, case: Case) -> Payload | None:
        """The case's GPS point as a map pin, when the PSM shared one."""
        if case.latitude is None or case.longitude is None:
            return None
        return Payload(text="", location=(case.latitude, case.longitude), case_id=case.id)

    def linked_cases(self, locale: str, cases: Sequence[Case]) -> str:
        """Other cases about the same person: number, status and kecamatan of the newest ones
        (a message has room for a few), and how many more there are."""
        more = max(0, len(cases) - LINKED_SHOWN)
        lines = [
            self.t(
                locale,
                "case-linked-line",
                number=case.number,
                status=self.t(locale, f"status-{case.status}"),
                kecamatan=self.services.regions.name_of(case.kecamatan_code),
            )
            for case in cases[more:]
        ]
        if more:
            lines.append(self.t(locale, "case-linked-more", count=more))
        return "\n".join([self.t(locale, "case-linked-header"), *lines])

    def notice(self, locale: str, case: Case, event: CaseEvent, actor: User) -> Payload:
        """A change on the case, for the other side (the reporter, or the coordinators)."""
        text = self.t(
            locale,
            f"notice-{event.kind}",
            number=case.number,
            who=actor.full_name,
            status=self.t(locale, f"status-{case.status}"),
            note=self.event_detail(locale, event) or "-",
        )
        buttons = self._open(locale, case)
        if event.kind == Action.RETURN:
            answer = TypedAction(Typed.ANSWER, case.id, Status(case.status)).encode()
            buttons.insert(0, [(self.t(locale, "action-answer"), answer)])
        return Payload(text=text, buttons=buttons, case_id=case.id)

    def nudge(self, locale: str, case: Case) -> Payload:
        """Ask the reporting PSM how the case is going."""
        text = self.t(locale, "nudged-message", number=case.number, name=case.beneficiary_name)
        replies = (
            ("nudge-progress", NudgeReply.PROGRESS),
            ("nudge-ongoing", NudgeReply.ONGOING),
            ("nudge-resolved", NudgeReply.RESOLVED),
        )
        buttons = [
            [(self.t(locale, key), Nudge(reply, case.id).encode())] for key, reply in replies
        ]
        return Payload(text=text, buttons=buttons, case_id=case.id)

    def escalation(
        self, locale: str, case: Case, reporter: User | None, count: int, departed: bool = False
    ) -> Payload:
        """Tell the coordinators that the reporting PSM has gone silent, or has left."""
        text = self.t(
            locale,
            "departed-nudge-message" if departed else "escalated-message",
            number=case.number,
            name=case.beneficiary_name,
            reporter=reporter.full_name if reporter else "-",
            count=count,
        )
        return Payload(text=text, buttons=self._open(locale, case), case_id=case.id)

    def referral_reminder(self, locale: str, case: Case, sector: str, days: int) -> Payload:
        name = self.services.sectors.name(sector, locale)
        text = self.t(locale, "referral-reminder", number=case.number, sector=name, days=days)
        return Payload(text=text, buttons=self._open(locale, case), case_id=case.id)

    def draft_reminder(self, locale: str) -> Payload:
        return Payload(text=self.t(locale, "draft-reminder"))

    def event_detail(self, locale: str, event: CaseEvent) -> str | None:
        """Sector names and outcomes of an event, in the reader's language, with its note."""
        sectors, data, parts = self.services.sectors, event.data or {}, []
        if "sectors" in data:
            parts.append(", ".join(sectors.name(code, locale) for code in data["sectors"]))
        if "outcome" in data:
            outcome = self.t(locale, f"outcome-{data['outcome']}")
            parts.append(f"{sectors.name(data['sector'], locale)}: {outcome}")
        elif "sector" in data:
            parts.append(sectors.name(data["sector"], locale))
        if event.note:
            parts.append(event.note[:300])
        return " · ".join(parts) or None
