"""The people one can play in the sandbox, and the demo roster that makes them who they are."""

from __future__ import annotations

from dataclasses import dataclass

from bot.people import RosterRow
from storage.people import Role

TANGERANG = "367101"
SUKARASA = "3671011001"


@dataclass(frozen=True)
class Persona:
    """A Telegram user of the sandbox; `key` names their label in the sandbox catalog."""

    key: str
    telegram_id: int
    first_name: str
    phone: str  # as Telegram's contact button shares it: digits with the country code

    @property
    def roster_phone(self) -> str:
        return f"+{self.phone}"


PSM_ON_ROSTER = Persona("psm-roster", 1001, "Lutpiah", "6281234567890")
PSM_NEW = Persona("psm-new", 1002, "Rudi", "6285712345678")
COORDINATOR = Persona("coordinator", 2001, "Ratna", "6281398765432")
ADMIN = Persona("admin", 9001, "Admin Dinsos", "6281100000001")
PERSONAS = (PSM_ON_ROSTER, PSM_NEW, COORDINATOR, ADMIN)

# Lutpiah reports from Sukarasa, whose kecamatan Ratna coordinates; Rudi is on no roster and
# must be approved; the admin comes from ADMIN_IDS, as in production.
DEMO_ROSTER = [
    RosterRow(1, PSM_ON_ROSTER.first_name, PSM_ON_ROSTER.roster_phone, Role.PSM, SUKARASA, []),
    RosterRow(2, COORDINATOR.first_name, COORDINATOR.roster_phone, Role.COORDINATOR, None,
              [TANGERANG]),
]  # fmt: skip


def persona(telegram_id: int) -> Persona | None:
    return next((p for p in PERSONAS if p.telegram_id == telegram_id), None)
