"""One health report: the process's own state plus what the database says right now."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.runtime.clock import Clock
from bot.runtime.health import HealthState, Mode, Role
from storage.db import Sessions
from storage.delivery import DeliveryStatus, OutboxMessage

DATABASE_TIMEOUT = 5.0
# getUpdates returns at least every 10 s while Telegram is reachable, so silence this long
# while polling means the bot has lost Telegram.
POLLING_SILENCE = timedelta(minutes=2)
# The sender drains thousands of messages in minutes; a due message older than this is stuck.
OUTBOX_STUCK = timedelta(minutes=15)


@dataclass(frozen=True)
class Health:
    """`process` is None when no running bot answered (`psm-bot status` checked alone)."""

    checked_at: datetime
    process: HealthState | None
    database_error: str | None
    outbox_due: int | None = None
    oldest_due: datetime | None = None

    @property
    def problems(self) -> list[str]:
        found = []
        if self.process is None:
            found.append("no running bot answered")
        if self.database_error is not None:
            found.append(f"database unreachable ({self.database_error})")
        process = self.process
        if process is not None and process.role is Role.ACTIVE and process.mode is Mode.POLLING:
            last = process.last_api_success
            if last is None or self.checked_at - last > POLLING_SILENCE:
                found.append("no successful Bot API call for over two minutes")
        if self.oldest_due is not None and self.checked_at - self.oldest_due > OUTBOX_STUCK:
            found.append("outbox: a message has been due for over 15 minutes")
        return found

    @property
    def healthy(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        process = self.process
        return {
            "healthy": self.healthy,
            "problems": self.problems,
            "checked_at": self.checked_at.isoformat(),
            "role": process.role.value if process else None,
            "mode": process.mode.value if process else None,
            "last_bot_api_success": _iso(process.last_api_success if process else None),
            "database": {"reachable": self.database_error is None, "error": self.database_error},
            "outbox": {"due": self.outbox_due, "oldest_due": _iso(self.oldest_due)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Health:
        process = None
        if data.get("role"):
            process = HealthState(
                Mode(data["mode"]), Role(data["role"]), _time(data["last_bot_api_success"])
            )
        return cls(
            checked_at=datetime.fromisoformat(data["checked_at"]),
            process=process,
            database_error=data["database"]["error"],
            outbox_due=data["outbox"]["due"],
            oldest_due=_time(data["outbox"]["oldest_due"]),
        )

    def lines(self, tz: ZoneInfo) -> list[str]:
        """The report for `psm-bot status`, times in the bot's time zone."""
        process = self.process
        verdict = "healthy" if self.healthy else "NOT HEALTHY: " + "; ".join(self.problems)
        state = f"{process.role.value} ({process.mode.value})" if process else "not running"
        database = "reachable" if self.database_error is None else "UNREACHABLE"
        last = process.last_api_success if process else None
        outbox = "unknown" if self.outbox_due is None else f"{self.outbox_due} message(s) due"
        if self.oldest_due is not None:
            outbox += f", oldest due since {self._when(self.oldest_due, tz)}"
        return [
            f"psm-bot: {state}, {verdict}",
            f"database: {database}" + (f" ({self.database_error})" if self.database_error else ""),
            f"last successful Bot API call: {self._when(last, tz) if last else 'none yet'}",
            f"outbox: {outbox}",
        ]

    def _when(self, moment: datetime, tz: ZoneInfo) -> str:
        ago = max(0, int((self.checked_at - moment).total_seconds()))
        return f"{moment.astimezone(tz):%Y-%m-%d %H:%M:%S %Z} ({ago} s ago)"


async def check(sessions: Sessions, process: HealthState | None) -> Health:
    """Ask the database (bounded by DATABASE_TIMEOUT) and combine with the process's state."""
    now = (process.clock if process else Clock()).now()
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT), sessions() as session:
            due, oldest = (
                await session.execute(
                    select(func.count(), func.min(OutboxMessage.not_before)).where(
                        OutboxMessage.status == DeliveryStatus.PENDING,
                        OutboxMessage.not_before <= now,
                    )
                )
            ).one()
    except Exception as exc:  # every failure is an answer here, not a crash
        # The driver's own error class says what went wrong without echoing SQL or parameters.
        return Health(now, process, type(getattr(exc, "orig", None) or exc).__name__)
    return Health(now, process, None, int(due), oldest)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
