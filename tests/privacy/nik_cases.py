"""Cases with real-looking NIKs, for the tests of the data key (rotation, backup, migration)."""

from __future__ import annotations

from bot.privacy.crypto import Cipher
from tests.factories import add_case, add_user
from tests.privacy.reports import give_nik

PSM = 1001
# Five people: the NIKs differ in their serial only.
NIKS = [f"36710152035000{n:02d}" for n in range(1, 6)]


async def cases_with_niks(url: str, cipher: Cipher) -> list[int]:
    """One case for each of NIKS, reported by PSM; returns their ids."""
    await add_user(url, PSM)
    ids = []
    for number, nik in enumerate(NIKS, start=1):
        case_id = await add_case(url, PSM, number=f"TNG-2026-{number:05d}")
        await give_nik(url, case_id, cipher, nik)
        ids.append(case_id)
    return ids
