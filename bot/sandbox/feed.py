"""What the page shows, as events: messages, keyboards, callback answers, rejected requests.

The feed listens to the embedded Bot API server, so the page sees exactly what the bot asked
Telegram to do, after the server's checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from bot.sandbox.telegram import FakeTelegramServer, RecordedRequest

Event = dict[str, Any]
# A page that stops reading is dropped at this backlog; it reconnects and reloads its chat.
MAX_BACKLOG = 1000
MAX_VIOLATIONS = 200


class ChatFeed:
    """Survives a reset: pages stay subscribed while the server behind the feed is replaced."""

    def __init__(self) -> None:
        self.telegram: FakeTelegramServer | None = None
        self.keyboards: dict[int, dict[str, Any]] = {}
        self.violations: list[Event] = []
        self._subscribers: set[asyncio.Queue[Event | None]] = set()

    def attach(self, telegram: FakeTelegramServer) -> None:
        """Follow a fresh server, forgetting what the previous one showed."""
        self.telegram = telegram
        self.keyboards.clear()
        self.violations.clear()
        telegram.listeners.append(self._on_request)

    def subscribe(self) -> asyncio.Queue[Event | None]:
        queue: asyncio.Queue[Event | None] = asyncio.Queue(MAX_BACKLOG)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Event | None]) -> None:
        self._subscribers.discard(queue)

    def close(self) -> None:
        """End every page's stream (None), so the web server can stop without waiting."""
        for queue in self._subscribers:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)

    def publish(self, event: Event) -> None:
        for queue in list(self._subscribers):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                self._subscribers.discard(queue)
                queue.get_nowait()
                queue.put_nowait(None)

    def snapshot(self, chat_id: int) -> Event:
        """A chat as it is now, for a page that opens it or comes back after a reset."""
        assert self.telegram is not None
        return {
            "messages": self.telegram.history(chat_id),
            "keyboard": self.keyboards.get(chat_id),
        }

    def user_message(self, chat_id: int) -> None:
        """Show the message a persona just sent (the newest one of the chat)."""
        assert self.telegram is not None
        self.publish(
            {"type": "message", "chat_id": chat_id, "message": self.telegram.history(chat_id)[-1]}
        )

    def hide_keyboard(self, chat_id: int) -> None:
        """A one-time reply keyboard goes away once one of its buttons was pressed."""
        if self.keyboards.pop(chat_id, None) is not None:
            self.publish({"type": "keyboard", "chat_id": chat_id, "keyboard": None})

    def _on_request(self, record: RecordedRequest) -> None:
        if record.error_code is not None:
            if not record.injected:
                self._violation(record)
            return
        if record.method == "answerCallbackQuery":
            self._toast(record.params)
            return
        chat_id = _chat_id(record.params.get("chat_id"))
        if chat_id is None:
            return
        if record.method == "deleteMessage":
            message_id = int(record.params["message_id"])
            self.publish({"type": "deleted", "chat_id": chat_id, "message_id": message_id})
        for message_id in _message_ids(record.result):
            self._message(chat_id, message_id)
        markup = record.params.get("reply_markup")
        if isinstance(markup, dict) and ({"keyboard", "remove_keyboard"} & markup.keys()):
            keyboard = markup if "keyboard" in markup else None
            if keyboard is None:
                self.keyboards.pop(chat_id, None)
            else:
                self.keyboards[chat_id] = keyboard
            self.publish({"type": "keyboard", "chat_id": chat_id, "keyboard": keyboard})

    def _message(self, chat_id: int, message_id: int) -> None:
        assert self.telegram is not None
        message = self.telegram.state.find(chat_id, message_id)
        if message is not None:  # sent, then already deleted: nothing to show
            self.publish({"type": "message", "chat_id": chat_id, "message": message})

    def _toast(self, params: dict[str, Any]) -> None:
        assert self.telegram is not None
        chat_id = self.telegram.account.query_chats.get(str(params["callback_query_id"]))
        if params.get("text") and chat_id is not None:
            self.publish({
                "type": "toast", "chat_id": chat_id, "text": str(params["text"]),
                "alert": bool(params.get("show_alert")),
            })  # fmt: skip

    def _violation(self, record: RecordedRequest) -> None:
        violation = {
            "method": record.method,
            "error": record.error,
            "params": repr(record.params)[:400],
            "time": time.strftime("%H:%M:%S", time.localtime(record.time)),
        }
        self.violations = [*self.violations[-MAX_VIOLATIONS + 1 :], violation]
        self.publish({"type": "violation", "violation": violation})


def _chat_id(value: Any) -> int | None:
    text = str(value) if value is not None else ""
    return int(text) if text.lstrip("-").isdigit() else None


def _message_ids(result: Any) -> list[int]:
    """Ids of the messages a successful call created or changed (copyMessage: just the id)."""
    results = result if isinstance(result, list) else [result]
    return [int(r["message_id"]) for r in results if isinstance(r, dict) and "message_id" in r]
