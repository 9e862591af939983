"""Each chat's conversations in progress and language: rows read once, cached, written per step.

The rows are the truth; the cache only spares a read per update. This process is the only
writer (one active bot per token), so the cache stays right; it holds the most recently active
accounts, so memory grows with active conversations, not with everyone who ever wrote.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Delete, Insert, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.runtime.clock import Clock
from storage.conversations import ChatPreference, ConversationDraft
from storage.db import create_sessions

CACHED_CHATS = 2048


@dataclass(frozen=True)
class Saved:
    """A conversation's current step and answers, as last committed."""

    step: int
    data: dict[str, Any]


@dataclass
class ChatState:
    """One Telegram account's conversations by name, and its chosen language."""

    telegram_id: int
    drafts: dict[str, Saved] = field(default_factory=dict)
    locale: str | None = None


def _insert_for(dialect: str) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO UPDATE."""
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _removal(telegram_id: int, name: str) -> Delete:
    return delete(ConversationDraft).where(
        ConversationDraft.telegram_id == telegram_id, ConversationDraft.conversation == name
    )


def _step_upsert(dialect: str) -> Insert:
    """Insert a conversation's row, or move the existing one to the given step and answers."""
    statement = _insert_for(dialect)(ConversationDraft)
    upsert: Insert = statement.on_conflict_do_update(
        index_elements=["telegram_id", "conversation"],
        set_={
            "step": statement.excluded.step,
            "data": statement.excluded.data,
            "updated_at": statement.excluded.updated_at,
        },
    )
    return upsert


@dataclass
class _Pending:
    """A step waiting to be written, and the news of its commit."""

    telegram_id: int
    chat_id: int
    name: str
    saved: Saved
    written: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class ChatStates:
    """Loads, caches and writes chat state; every write is committed before it returns."""

    def __init__(self, engine: AsyncEngine, clock: Clock, capacity: int = CACHED_CHATS) -> None:
        self._engine, self._clock, self._capacity = engine, clock, capacity
        self._sessions = create_sessions(engine)
        # Built once: the step written at every answer skips the ORM and SQL compilation.
        self._step_upsert = _step_upsert(engine.dialect.name)
        self._cache: OrderedDict[int, ChatState] = OrderedDict()
        self._writing = asyncio.Lock()
        self._waiting: list[_Pending] = []

    async def load(self, telegram_id: int) -> ChatState:
        """The account's state, from the cache or with one read of its rows."""
        state = self._cache.get(telegram_id)
        if state is None:
            state = await self._read(telegram_id)
            self._cache[telegram_id] = state
            if len(self._cache) > self._capacity:
                self._cache.popitem(last=False)
        self._cache.move_to_end(telegram_id)
        return state

    async def _read(self, telegram_id: int) -> ChatState:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(ConversationDraft).where(ConversationDraft.telegram_id == telegram_id)
            )
            drafts = {row.conversation: Saved(row.step, dict(row.data)) for row in rows}
            locale = await session.scalar(
                select(ChatPreference.locale).where(ChatPreference.telegram_id == telegram_id)
            )
        return ChatState(telegram_id, drafts, locale)

    async def start(self, state: ChatState, chat_id: int, name: str, saved: Saved) -> None:
        """Begin a conversation afresh: a new row, whatever an earlier one left behind."""
        now = self._clock.now()
        async with self._engine.begin() as connection:
            await connection.execute(_removal(state.telegram_id, name))
            await connection.execute(
                insert(ConversationDraft).values(
                    telegram_id=state.telegram_id,
                    chat_id=chat_id,
                    conversation=name,
                    step=saved.step,
                    data=saved.data,
                    started_at=now,
                    updated_at=now,
                )
            )
        state.drafts[name] = saved

    async def save(self, state: ChatState, chat_id: int, name: str, saved: Saved) -> None:
        """Write a conversation's step and answers; returns once they are committed.

        Steps saved at the same moment by other chats share one transaction (one upsert of
        several rows): whoever gets to write takes along all that wait, as a database's group
        commit does, so a hundred PSM answering at once cost a few commits, not a hundred.
        """
        pending = _Pending(state.telegram_id, chat_id, name, saved)
        self._waiting.append(pending)
        async with self._writing:
            if not pending.written.done():
                batch, self._waiting = self._waiting, []
                await self._write(batch)
        pending.written.result()  # the writer's failure is every waiter's
        state.drafts[name] = saved

    async def _write(self, batch: list[_Pending]) -> None:
        latest = {(p.telegram_id, p.name): p for p in batch}
        now = self._clock.now()
        try:
            async with self._engine.begin() as connection:
                await connection.execute(
                    self._step_upsert,
                    [
                        {
                            "telegram_id": p.telegram_id,
                            "chat_id": p.chat_id,
                            "conversation": p.name,
                            "step": p.saved.step,
                            "data": p.saved.data,
                            "started_at": now,
                            "updated_at": now,
                        }
                        for p in latest.values()
                    ],
                )
        except BaseException as error:
            for p in batch:
                p.written.set_exception(error)
                p.written.exception()  # each waiter raises it from `result()`, the writer too
            if not isinstance(error, Exception):
                raise  # cancelled: stop here, the waiters have been told
            return
        for p in batch:
            p.written.set_result(None)

    @staticmethod
    async def delete(session: AsyncSession, telegram_id: int, name: str) -> None:
        """Remove a conversation's row inside the caller's transaction (see `forget`)."""
        await session.execute(_removal(telegram_id, name))

    @staticmethod
    def forget(state: ChatState, name: str) -> None:
        """Drop a conversation from the cache once the transaction that deleted it committed."""
        state.drafts.pop(name, None)

    async def set_locale(self, session: AsyncSession, state: ChatState, locale: str) -> None:
        """Record the account's language in the caller's transaction."""
        statement = _insert_for(session.get_bind().dialect.name)(ChatPreference).values(
            telegram_id=state.telegram_id, locale=locale
        )
        await session.execute(
            statement.on_conflict_do_update(index_elements=["telegram_id"], set_={"locale": locale})
        )

    async def steps(self) -> dict[str, dict[tuple[int, int], int]]:
        """Where every conversation stands, by name, keyed as PTB keys them."""
        found: dict[str, dict[tuple[int, int], int]] = {}
        async with self._sessions() as session:
            rows = await session.execute(
                select(
                    ConversationDraft.conversation,
                    ConversationDraft.chat_id,
                    ConversationDraft.telegram_id,
                    ConversationDraft.step,
                )
            )
            for name, chat_id, telegram_id, step in rows:
                found.setdefault(name, {})[(chat_id, telegram_id)] = step
        return found
