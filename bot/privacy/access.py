"""Who may reach what: the one rule behind every read, list, export and action.

An account reaches nothing unless it is active. Then an admin reaches everything; a coordinator
the cases and people of their kecamatan; everyone the cases they reported themselves. Single
reads check `covers`, exports filter with `cases_clause` and lists with `case_branches`, so all
follow the same rule; what a role may *do* within its reach is the lifecycle's business
(bot/cases/lifecycle.py).
People likewise: `covers_person` and `people_clause` (a coordinator: the PSM of their kecamatan;
an admin: everyone), `may_change` for acting on someone else, `may_move` for an area, and
`manages_roles` (admins only) for roles and a coordinator's kecamatan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, false, or_, true

from storage.cases import Case
from storage.people import Role, User, UserStatus


@dataclass(frozen=True)
class Scope:
    """What one account reaches: everything, some kecamatan, and its own reports."""

    role: Role | None = None
    everything: bool = False
    areas: frozenset[str] = field(default_factory=frozenset)
    reporter_id: int | None = None

    @property
    def empty(self) -> bool:
        return self.role is None

    @property
    def oversees(self) -> bool:
        """A coordinator with an area, or an admin: may review, refer, address PSM."""
        return self.everything or bool(self.areas)

    def covers(self, case: Case) -> bool:
        return (
            self.everything
            or case.kecamatan_code in self.areas
            or (self.reporter_id is not None and case.reporter_id == self.reporter_id)
        )

    def oversees_case(self, case: Case) -> bool:
        """Reached as its coordinator or an admin, not only as its reporter."""
        return self.everything or case.kecamatan_code in self.areas

    def sees_link(self, case: Case, linked: Case) -> bool:
        """Whether a case's viewer is shown another case about the same person (its number and
        status, not its contents). Whoever oversees the case sees every earlier report, in any
        kecamatan, since that history is what coordination needs; a reporter sees only cases
        they may open anyway. Opening the linked case still needs `covers`."""
        return self.oversees_case(case) or self.covers(linked)

    @property
    def reviews_audit(self) -> bool:
        """Reads the audit log and answers data subjects' requests: admins only."""
        return self.everything

    def covers_area(self, kecamatan_code: str | None) -> bool:
        return self.everything or (kecamatan_code is not None and kecamatan_code in self.areas)

    def cases_clause(self) -> ColumnElement[bool]:
        """The same rule as `covers`, for a query over cases: the union of `case_branches`."""
        branches = self.case_branches()
        return or_(*branches) if branches else false()

    def case_branches(self, kecamatan: str | None = None) -> list[ColumnElement[bool]]:
        """The same rule again (narrowed to one kecamatan when given), as conditions whose union
        is the reach: one per area and one for the account's own reports. Each is a single
        range of an index, so a list ordered by activity reads only as far as its page."""
        narrowed = [] if kecamatan is None else [Case.kecamatan_code == kecamatan]
        if self.everything:
            return [and_(true(), *narrowed)]
        branches: list[ColumnElement[bool]] = [
            Case.kecamatan_code == code
            for code in sorted(self.areas)
            if kecamatan is None or code == kecamatan
        ]
        if self.reporter_id is not None:
            branches.append(and_(Case.reporter_id == self.reporter_id, *narrowed))
        return branches

    # -- people ---------------------------------------------------------------------------
    def covers_person(self, person: User) -> bool:
        """Who this account may see in /pengguna: everyone for an admin, the PSM (whatever
        their status) of their kecamatan for a coordinator, nobody for a PSM."""
        return self.everything or (
            bool(self.areas) and person.role == Role.PSM and person.kecamatan_code in self.areas
        )

    def people_clause(self) -> ColumnElement[bool]:
        """The same rule as `covers_person`, for a query over users."""
        if self.everything:
            return true()
        if not self.areas:
            return false()
        return (User.role == Role.PSM) & User.kecamatan_code.in_(sorted(self.areas))

    def may_change(self, person: User) -> bool:
        """Deactivate, reactivate, decide for someone else; one's own account is /profil's."""
        return self.covers_person(person) and person.id != self.reporter_id

    def may_move(self, person: User, kelurahan_code: str) -> bool:
        """Move a PSM: a coordinator within their kecamatan (from and to), an admin anywhere."""
        return (
            self.may_change(person)
            and person.role == Role.PSM
            and self.covers_area(kelurahan_code[:6])
        )

    @property
    def manages_roles(self) -> bool:
        """Change roles and a coordinator's kecamatan: admins only."""
        return self.everything and self.role is Role.ADMIN


NOBODY = Scope()
# The operator on the server (`psm-bot import-roster`): reaches everyone, as an admin.
OPERATOR = Scope(Role.ADMIN, everything=True)


def scope_of(actor: User | None) -> Scope:
    """The reach of `actor` as the database has them now."""
    if actor is None or actor.status != UserStatus.ACTIVE:
        return NOBODY
    role = Role(actor.role)
    if role is Role.ADMIN:
        return Scope(role, everything=True, reporter_id=actor.id)
    areas = frozenset(actor.area_codes) if role is Role.COORDINATOR else frozenset()
    return Scope(role, areas=areas, reporter_id=actor.id)
