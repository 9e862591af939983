"""What the database plans to do with the statements the bot's own functions send.

`Planner.plans(work)` runs `work` (a call of the bot's code, given a session factory), catches
every SELECT it sends, and returns each with its EXPLAIN for the same parameters: SQLite's
query plan, or PostgreSQL's with sequential scans, bitmap scans and sorts priced out, so that
a plan shows whether an index *can* serve the query in order, whatever a tiny test table makes
cheapest.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text

from storage.db import Sessions, create_engine, create_sessions

PRICED_OUT = ("enable_seqscan", "enable_bitmapscan", "enable_sort")


@dataclass(frozen=True)
class Plan:
    statement: str
    plan: str


class Planner:
    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgresql")

    async def plans(self, work: Callable[[Sessions], Awaitable[Any]]) -> list[Plan]:
        engine = create_engine(self.url)
        caught: list[tuple[str, Any]] = []

        def catch(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                caught.append((statement, parameters))

        try:
            async with engine.begin() as connection:
                await connection.execute(text("ANALYZE"))
            event.listen(engine.sync_engine, "before_cursor_execute", catch)
            await work(create_sessions(engine))
            event.remove(engine.sync_engine, "before_cursor_execute", catch)
            async with engine.begin() as connection:
                raw = (await connection.get_raw_connection()).driver_connection
                return [Plan(s, await self._explain(raw, s, p)) for s, p in caught]
        finally:
            await engine.dispose()

    async def _explain(self, raw: Any, statement: str, parameters: Any) -> str:
        if self.postgres:
            for setting in PRICED_OUT:
                await raw.execute(f"SET {setting} = off")
            rows = await raw.fetch("EXPLAIN " + statement, *parameters)
            return "\n".join(row[0] for row in rows)
        cursor = await raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(str(row[3]) for row in await cursor.fetchall())
