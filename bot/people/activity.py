"""When each person last wrote to the bot, for /pengguna's "no activity" filter.

Writing it on every update would add a transaction to each; an hour's precision is plenty
for a filter counted in days, so each process writes at most once an hour per person.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from storage.db import Sessions
from storage.people import User

PRECISION = timedelta(hours=1)


class LastSeen:
    """The moments this process last wrote, per Telegram id."""

    def __init__(self) -> None:
        self._written: dict[int, datetime] = {}

    async def note(self, sessions: Sessions, telegram_id: int, now: datetime) -> bool:
        """Record that the person wrote now, unless it was recorded within the hour."""
        last = self._written.get(telegram_id)
        if last is not None and now - last < PRECISION:
            return False
        async with sessions.begin() as session:
            written = await session.execute(
                update(User).where(User.telegram_id == telegram_id).values(last_seen_at=now)
            )
        # Before registration there is no row yet: remembering the moment would keep the
        # account "never seen" for an hour after it is created.
        if written.rowcount == 0:  # type: ignore[attr-defined]
            return False
        self._written[telegram_id] = now
        return True
