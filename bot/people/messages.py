"""What people are told about changes to them, in their language, through the outbox.

`Wording` is what rendering needs (texts, regions, the default language), so the roster
import on the server words its notices as the bot does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import FAREWELL, Payload, enqueue
from bot.reference.regions import Regions
from bot.runtime.context import Services
from bot.runtime.texts import Texts
from storage.delivery import Lane
from storage.people import Role, User
from storage.people_changes import PersonEvent

CHANGE = "person_change"
# The reason of a deactivation by a roster import in sync mode (the person was left out).
ROSTER_REASON = "roster"


@dataclass(frozen=True)
class Wording:
    texts: Texts
    regions: Regions
    default_locale: str

    @classmethod
    def of(cls, services: Services) -> Wording:
        return cls(services.texts, services.regions, services.settings.default_locale)

    def locale_of(self, user: User) -> str:
        return user.locale or self.default_locale

    def t(self, locale: str, key: str, **args: object) -> str:
        return self.texts.get(locale, key, **args)

    def place(self, person: User) -> str:
        """Where someone serves: their kelurahan, or a coordinator's kecamatan."""
        if person.role == Role.COORDINATOR and person.area_codes:
            return ", ".join(self.regions.name_of(code) for code in sorted(person.area_codes))
        if person.kelurahan_code:
            kecamatan = self.regions.name_of(person.kelurahan_code[:6])
            return f"{self.regions.name_of(person.kelurahan_code)}, {kecamatan}"
        return "-"

    def event_text(self, locale: str, event: PersonEvent) -> str:
        """One change in words: a moved PSM names both kelurahan, a role change both roles."""
        data, names = event.data or {}, self.regions.name_of
        args: dict[str, object] = {"reason": data.get("reason") or "-"}
        if "to" in data and event.kind in ("moved", "move_requested", "move_rejected"):
            args.update({"from": names(data.get("from")), "to": names(data["to"])})
        if event.kind == "role":
            args.update(
                {
                    "from": self.t(locale, f"role-{data.get('from')}"),
                    "to": self.t(locale, f"role-{data.get('to')}"),
                }
            )
        if event.kind == "areas":
            args["areas"] = ", ".join(names(code) for code in data.get("to", []))
        if event.kind == "cases_handed":
            args["count"] = data.get("count", 0)
        return self.t(locale, f"person-event-{event.kind}", **args)


async def tell(
    session: AsyncSession, wording: Wording, person: User, event: PersonEvent, now: datetime
) -> int:
    """Queue the change for the person it is about, in their language (none if unreachable)."""
    locale = wording.locale_of(person)
    text = wording.t(locale, "person-told", change=wording.event_text(locale, event))
    return await enqueue(
        session,
        kind=CHANGE,
        campaign_id=event.id,
        recipients=[person],
        payload=Payload(text=text),
        not_before=now,
        lane=Lane.PERSONAL,
    )


async def farewell(
    session: AsyncSession,
    wording: Wording,
    actor: User | None,
    person: User,
    event: PersonEvent,
    now: datetime,
) -> int:
    """Queue, as the account closes, why and whom to ask: the last message the person gets."""
    locale, reason = wording.locale_of(person), (event.data or {}).get("reason") or "-"
    if reason == ROSTER_REASON:
        reason = wording.t(locale, "person-farewell-roster")
    if actor is not None and actor.phone:
        contact = wording.t(
            locale, "person-farewell-contact", who=actor.full_name, phone=actor.phone
        )
    else:
        contact = (
            actor.full_name if actor is not None else wording.t(locale, "person-farewell-anyone")
        )
    text = wording.t(locale, "person-farewell", reason=reason, contact=contact)
    return await enqueue(
        session,
        kind=FAREWELL,
        campaign_id=event.id,
        recipients=[person],
        payload=Payload(text=text),
        not_before=now,
        lane=Lane.PERSONAL,
    )
