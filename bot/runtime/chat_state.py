"""Each chat's conversations in progress and language: rows read once, cached, written per step.

The rows are the truth; the cache only spares a read per update. This process is the only
writer (one active bot per token), so the cache stays right; it holds the most recently active
accounts, so memory grows with active conversations, not with everyone who ever wrote.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime.clock import Clock
from storage.conversations import ChatPreference, ConversationDraft
from storage.db import Sessions

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


def _upsert(session: AsyncSession) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class ChatStates:
    """Loads, caches and writes chat state; every write is committed before it returns."""

    def __init__(self, sessions: Sessions, clock: Clock, capacity: int = CACHED_CHATS) -> None:
        self._sessions, self._clock, self._capacity = sessions, clock, capacity
        self._cache: OrderedDict[int, ChatState] = OrderedDict()

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
        async with self._sessions.begin() as session:
            await self.delete(session, state.telegram_id, name)
            session.add(
                ConversationDraft(
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
        """Write a conversation's step and answers: one small upsert, committed."""
        async with self._sessions.begin() as session:
            statement = _upsert(session)(ConversationDraft).values(
                telegram_id=state.telegram_id,
                chat_id=chat_id,
                conversation=name,
                step=saved.step,
                data=saved.data,
                started_at=self._clock.now(),
                updated_at=self._clock.now(),
            )
            await session.execute(
                statement.on_conflict_do_update(
                    index_elements=["telegram_id", "conversation"],
                    set_={"step": saved.step, "data": saved.data, "updated_at": self._clock.now()},
                )
            )
        state.drafts[name] = saved

    @staticmethod
    async def delete(session: AsyncSession, telegram_id: int, name: str) -> None:
        """Remove a conversation's row inside the caller's transaction (see `forget`)."""
        await session.execute(
            delete(ConversationDraft).where(
                ConversationDraft.telegram_id == telegram_id,
                ConversationDraft.conversation == name,
            )
        )

    @staticmethod
    def forget(state: ChatState, name: str) -> None:
        """Drop a conversation from the cache once the transaction that deleted it committed."""
        state.drafts.pop(name, None)

    async def set_locale(self, session: AsyncSession, state: ChatState, locale: str) -> None:
        """Record the account's language in the caller's transaction."""
        statement = _upsert(session)(ChatPreference).values(
            telegram_id=state.telegram_id, locale=locale
        )
        await session.execute(
            statement.on_conflict_do_update(index_elements=["telegram_id"], set_={"locale": locale})
        )

    async def steps(self, name: str) -> dict[tuple[int, int], int]:
        """Where every conversation called `name` stands, keyed as PTB keys them."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(
                    ConversationDraft.chat_id, ConversationDraft.telegram_id, ConversationDraft.step
                ).where(ConversationDraft.conversation == name)
            )
            return {(chat_id, telegram_id): step for chat_id, telegram_id, step in rows}
