"""The people of these tests: two kecamatan, their coordinators and PSM, and the admin."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from storage.people import Role, User
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, SUKARASA, TANGERANG, add_user, fetch
from tests.harness import BotHarness

LUTPIAH, RINA, DEDI, BUDI, SARI = 1001, 1002, 1003, 2001, 2002
CIPONDOH_KELURAHAN = "3671051001"
SUKAASIH = "3671011002"
PHONES = {LUTPIAH: "+6281200000001", RINA: "+6281200000002", DEDI: "+6281200000003"}


@dataclass(frozen=True)
class People:
    """Database ids of the people, by Telegram id."""

    ids: dict[int, int]

    def __getitem__(self, telegram_id: int) -> int:
        return self.ids[telegram_id]


@pytest.fixture
async def people(harness: BotHarness, schema: str) -> People:
    """Lutpiah and Rina, PSM of Sukarasa (Kec. Tangerang, coordinator Pak Budi); Dedi, PSM of
    Cipondoh (coordinator Bu Sari); the admin from ADMIN_IDS."""
    await add_user(schema, LUTPIAH, name="Lutpiah", phone=PHONES[LUTPIAH])
    await add_user(schema, RINA, name="Rina Marlina", phone=PHONES[RINA], locale="en")
    await add_user(
        schema, DEDI, kelurahan=CIPONDOH_KELURAHAN, name="Dedi Kurnia", phone=PHONES[DEDI]
    )
    await add_user(schema, BUDI, Role.COORDINATOR, None, areas=(TANGERANG,), name="Pak Budi")
    await add_user(schema, SARI, Role.COORDINATOR, None, areas=(CIPONDOH,), name="Bu Sari")
    users = await fetch(schema, User)
    assert SUKARASA.startswith(TANGERANG)
    return People({user.telegram_id: user.id for user in users} | {ADMIN_ID: _admin(users)})


def _admin(users: list[User]) -> int:
    return next(user.id for user in users if user.telegram_id == ADMIN_ID)
