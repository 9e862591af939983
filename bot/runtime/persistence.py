"""PTB persistence in the bot's own database: conversation states and per-user data as JSON."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import delete, select
from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.conversations import ConversationState, StoredUserData
from storage.db import Sessions

UserData = dict[str, Any]


class SqlPersistence(BasePersistence[UserData, dict[str, Any], dict[str, Any]]):
    """Store what survives a restart: drafts in user_data and where each conversation stands.

    Bot data holds live resources (engine, catalogs) and is rebuilt in post_init, so only
    user data and conversations are stored. Writes are serialised through one lock because
    PTB flushes all changes concurrently, which SQLite would answer with "database is locked".
    """

    def __init__(self, sessions: Sessions, update_interval: float = 2.0) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self._sessions = sessions
        self._write_lock = asyncio.Lock()

    async def get_user_data(self) -> dict[int, UserData]:
        async with self._sessions() as session:
            rows = await session.scalars(select(StoredUserData))
            return {row.user_id: dict(row.data) for row in rows}

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        # Round-trip through JSON now so a non-serialisable value fails loudly, not at shutdown.
        snapshot = json.loads(json.dumps(data))
        async with self._write_lock, self._sessions.begin() as session:
            row = await session.get(StoredUserData, user_id)
            if row is None:
                session.add(StoredUserData(user_id=user_id, data=snapshot))
            else:
                row.data = snapshot

    async def drop_user_data(self, user_id: int) -> None:
        async with self._write_lock, self._sessions.begin() as session:
            await session.execute(delete(StoredUserData).where(StoredUserData.user_id == user_id))

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def get_conversations(self, name: str) -> ConversationDict:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(ConversationState).where(ConversationState.name == name)
            )
            return {tuple(json.loads(row.key)): row.state for row in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        stored_key = json.dumps(list(key))
        async with self._write_lock, self._sessions.begin() as session:
            row = await session.get(ConversationState, (name, stored_key))
            if new_state is None:
                if row is not None:
                    await session.delete(row)
            elif row is None:
                session.add(ConversationState(name=name, key=stored_key, state=int(new_state)))  # type: ignore[call-overload]
            else:
                row.state = int(new_state)  # type: ignore[call-overload]

    async def flush(self) -> None:
        """Every update is written as it comes, so there is nothing left to flush."""

    # Chat data, bot data and callback data are not stored (see the class docstring).
    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        return None

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        return None
