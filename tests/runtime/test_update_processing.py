"""Updates of different chats run side by side; one chat's updates run in the order sent."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Chat, Message, Update

from bot.runtime.updates import PerChatUpdateProcessor


def _update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    return Update(update_id, message=Message(update_id, datetime.now(UTC), chat, text="x"))


async def test_a_slow_chat_does_not_hold_up_another() -> None:
    processor = PerChatUpdateProcessor()
    finished: list[str] = []
    release = asyncio.Event()

    async def slow() -> None:
        await release.wait()
        finished.append("slow")

    async def quick() -> None:
        finished.append("quick")
        release.set()

    await asyncio.wait_for(
        asyncio.gather(
            processor.process_update(_update(1, 100), slow()),
            processor.process_update(_update(2, 200), quick()),
        ),
        2,
    )
    assert finished == ["quick", "slow"]


async def test_one_chats_updates_keep_their_order() -> None:
    processor = PerChatUpdateProcessor()
    finished: list[int] = []

    async def step(number: int, pause: float) -> None:
        await asyncio.sleep(pause)
        finished.append(number)

    await asyncio.gather(
        processor.process_update(_update(1, 100), step(1, 0.05)),
        processor.process_update(_update(2, 100), step(2, 0)),
        processor.process_update(_update(3, 100), step(3, 0.01)),
    )
    assert finished == [1, 2, 3]
    assert processor._locks == {}, "idle chats leave no lock behind"
