"""The same person reported again: cases linked by the blind index of the beneficiary's NIK.

The index is the link: nothing else records it, so whatever removes a case's index (retention,
an erasure request) also removes it from every other case's list of links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy.access import scope_of
from bot.privacy.crypto import Cipher
from storage.cases import Case
from storage.people import User


@dataclass(frozen=True)
class Links:
    """Other cases about the same person, as far as one viewer may be shown them."""

    shown: list[Case] = field(default_factory=list)
    # Links the viewer may not see; they are only told that the person was reported before.
    hidden: int = 0

    @property
    def any(self) -> bool:
        return bool(self.shown) or self.hidden > 0


def index_keys(case: Case, cipher: Cipher) -> list[str]:
    """The index values that mean "this case's person"; while a key rotation is unfinished,
    other cases may still carry the index under an older key."""
    if case.nik_encrypted is None or case.nik_index is None:
        return []
    if not cipher.rotating:
        return [case.nik_index]
    return cipher.indexes(cipher.decrypt(case.nik_encrypted))


async def cases_with_index(
    session: AsyncSession, keys: Sequence[str], exclude: int | None = None
) -> list[Case]:
    """Cases whose NIK has one of these index values, oldest first."""
    if not keys:
        return []
    query = select(Case).where(Case.nik_index.in_(list(keys)))
    if exclude is not None:
        query = query.where(Case.id != exclude)
    return list(await session.scalars(query.order_by(Case.created_at, Case.id)))


async def same_person(session: AsyncSession, case: Case, cipher: Cipher) -> list[Case]:
    """Every other case about the person `case` is about, oldest first."""
    return await cases_with_index(session, index_keys(case, cipher), exclude=case.id)


def links_for(viewer: User | None, case: Case, others: Sequence[Case]) -> Links:
    """What `viewer` may be shown of the other cases about `case`'s person."""
    scope = scope_of(viewer)
    shown = [other for other in others if scope.sees_link(case, other)]
    return Links(shown, len(others) - len(shown))
