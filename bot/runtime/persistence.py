"""PTB persistence backed by the conversation rows that the conversations themselves write.

Each conversation step commits its row (step and answers) before the next question is sent
(handlers/wizard.py), so PTB has nothing left to write: `update_conversation` is a no-op, and on
start `get_conversations` reads where every conversation stands from those rows. Writing PTB's
own later, periodic snapshot would race the newer rows. Nothing else is stored: bot data holds
live resources rebuilt in post_init, and per-user data is the chat state (bot/runtime/chat_state).
"""

from __future__ import annotations

from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.runtime.chat_state import ChatStates

# PTB's conversation bookkeeping types, spelled out: its own aliases live in a private module.
ConversationKey = tuple[int | str, ...]
ConversationDict = dict[ConversationKey, object]
# Only the periodic no-op runs at this interval.
IDLE_INTERVAL = 3600.0


class ChatStatePersistence(BasePersistence[dict[str, Any], dict[str, Any], dict[str, Any]]):
    """Conversation states for PTB, read from the committed conversation rows."""

    def __init__(self, chats: ChatStates) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=False, callback_data=False
            ),
            update_interval=IDLE_INTERVAL,
        )
        self._chats = chats
        self._steps: dict[str, dict[tuple[int, int], int]] = {}
        self._asked: set[str] | None = None

    async def get_conversations(self, name: str) -> ConversationDict:
        # PTB asks once per conversation as the bot starts: one query answers them all. A
        # conversation asked about a second time is read afresh.
        if self._asked is None or name in self._asked:
            self._steps, self._asked = await self._chats.steps(), set()
        self._asked.add(name)
        return {key: step for key, step in self._steps.get(name, {}).items()}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Already written by the conversation step itself, before its reply."""

    async def flush(self) -> None:
        """Every step was written as it happened: nothing is left to flush."""

    # Nothing else is stored (see the module docstring).
    async def get_user_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        return None

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        return None
