"""With Telegram's limits on, the fake server refuses what Telegram's flood control refuses."""

from __future__ import annotations

import asyncio

from bot.sandbox.telegram import FakeTelegramServer
from tests.sandbox.conftest import USER_ID, Api


async def test_telegrams_limits_refuse_a_second_message_to_a_person_within_a_second(
    api: Api, server: FakeTelegramServer
) -> None:
    server.telegram_limits(per_second=30)
    assert (await api("sendMessage", chat_id=USER_ID, text="a"))[0] == 200
    assert (await api("sendMessage", chat_id=USER_ID + 1, text="b"))[0] == 200
    status, body = await api("sendMessage", chat_id=USER_ID, text="c")
    assert (status, body["parameters"]) == (429, {"retry_after": 1})
    assert server.rate_limited_count == 1


async def test_telegrams_limits_allow_twenty_messages_a_minute_to_a_group(
    api: Api, server: FakeTelegramServer
) -> None:
    server.telegram_limits(per_second=30)
    for i in range(20):
        await api("sendMessage", chat_id=-100, text=f"{i}")
    status, body = await api("sendMessage", chat_id=-100, text="one too many")
    assert status == 429 and body["parameters"]["retry_after"] > 50
    assert (await api("sendMessage", chat_id=USER_ID, text="a person"))[0] == 200


async def test_telegrams_flood_waits_refuse_everything_and_grow_for_a_bot_that_insists(
    api: Api, server: FakeTelegramServer
) -> None:
    server.telegram_limits(per_second=3)
    for i in range(3):
        assert (await api("sendMessage", chat_id=USER_ID + i, text="ok"))[0] == 200
    first = (await api("sendMessage", chat_id=USER_ID + 3, text="over"))[1]["parameters"]
    assert first == {"retry_after": 1}
    # Under the flood wait even a chat of its own is refused.
    assert (await api("sendMessage", chat_id=USER_ID + 4, text="during"))[0] == 429
    await asyncio.sleep(1.05)
    for i in range(3):
        assert (await api("sendMessage", chat_id=USER_ID + 10 + i, text="ok"))[0] == 200
    again = (await api("sendMessage", chat_id=USER_ID + 20, text="over again"))[1]
    assert again["parameters"]["retry_after"] == 2
