"""Who may see which area's figures: the one authorization rule of /rekap and its exports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement

from bot.privacy.access import scope_of
from bot.reference.regions import Regions
from storage.cases import Case
from storage.people import User

CITY = "city"  # an admin's whole city
MINE = "mine"  # every kecamatan of a coordinator


class InsightRefused(Exception):
    """The actor may not see this area (or anything); `reason` names the catalog text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Scope:
    """The kecamatan whose cases are counted; none means the whole city."""

    kecamatan: tuple[str, ...] = ()

    @property
    def city(self) -> bool:
        return not self.kecamatan

    def cases(self) -> list[ColumnElement[bool]]:
        """Conditions on `cases` that keep to this scope."""
        return [] if self.city else [Case.kecamatan_code.in_(self.kecamatan)]

    def describe(self) -> str:
        """For the audit log."""
        return CITY if self.city else ",".join(self.kecamatan)


def area_choices(actor: User | None, regions: Regions) -> list[str]:
    """The areas the actor oversees (bot/privacy/access.py), in the order to offer them."""
    reach = scope_of(actor)
    if reach.everything:
        return [CITY, *(kecamatan.code for kecamatan in regions.kecamatan)]
    own = sorted(reach.areas)
    if len(own) > 1:
        return [MINE, *own]
    return [MINE] if own else []


def resolve_scope(actor: User | None, area: str, regions: Regions) -> Scope:
    """The scope of `area` for this actor, checked against the database's view of them now.

    Buttons can be forged or stale (the actor's role or areas may have changed since), so every
    view and export comes through here.
    """
    choices = area_choices(actor, regions)
    if not choices:
        raise InsightRefused("not-allowed")
    if area not in choices:
        raise InsightRefused("forbidden")
    assert actor is not None
    if area == CITY:
        return Scope()
    if area == MINE:
        return Scope(tuple(sorted(actor.area_codes)))
    return Scope((area,))


def may_export_full(actor: User | None) -> bool:
    """Only admins (whose reach is everything) may export unmasked NIKs, after confirming."""
    return scope_of(actor).everything
