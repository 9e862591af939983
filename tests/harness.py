"""Drive the real Application over HTTP: send as a user, wait until the bot has handled it."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.app import ALLOWED_UPDATES, build_application
from bot.runtime.clock import FixedClock
from bot.runtime.context import BotApp, BotContext
from bot.runtime.settings import Settings
from bot.sandbox.telegram.fake_user import FakeUser
from bot.sandbox.telegram.telegram_server import FakeTelegramServer
from tests.texts import said_pattern

Message = dict[str, Any]


@dataclass
class Reply:
    """What the bot sent to one chat while handling one update."""

    messages: list[Message] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n---\n".join(m.get("text") or m.get("caption") or "" for m in self.messages)

    @property
    def last(self) -> Message:
        assert self.messages, "the bot sent nothing"
        return self.messages[-1]

    @property
    def buttons(self) -> list[str]:
        markup = self.last.get("reply_markup") or {}
        return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]

    def says(self, key: str, locale: str = "id", **args: object) -> re.Match[str] | None:
        """The catalog message `key` in one of these messages, any value where no arg is given."""
        pattern = said_pattern(key, locale, **args)
        texts = (m.get("text") or m.get("caption") or "" for m in self.messages)
        return next(filter(None, map(pattern.search, texts)), None)


class BotHarness:
    """The bot as it runs in production, started inside the test's event loop."""

    def __init__(self, telegram: FakeTelegramServer, settings: Settings, clock: FixedClock) -> None:
        self.telegram, self.settings, self.clock = telegram, settings, clock
        self.app: BotApp | None = None
        self._done: dict[int, asyncio.Event] = {}

    async def start(self) -> None:
        app = build_application(self.settings, self.clock)
        processor = app.update_processor
        original = processor.do_process_update

        async def tracked(update: object, coroutine: Awaitable[Any]) -> None:
            try:
                await original(update, coroutine)
            finally:
                update_id = getattr(update, "update_id", None)
                if update_id is not None:
                    self._event(update_id).set()

        processor.do_process_update = tracked  # type: ignore[method-assign]
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
        self.app = app

    async def stop(self) -> None:
        """Stop cleanly, as on SIGTERM: persistence is flushed, the engine closed."""
        app, self.app = self.app, None
        if app is None:
            return
        assert app.updater is not None and app.post_shutdown is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)

    async def restart(self) -> None:
        await self.stop()
        self._done.clear()
        await self.start()

    async def run_job(self, name: str) -> None:
        """Run a scheduled job now, as the JobQueue would when it ticks."""
        assert self.app is not None and self.app.job_queue is not None
        [job] = self.app.job_queue.get_jobs_by_name(name)
        await job.run(self.app)

    def button_answers(self) -> list[str]:
        """The texts of every button answer (toasts and alerts) so far."""
        return [
            r.params.get("text", "")
            for r in self.telegram.requests
            if r.method == "answerCallbackQuery"
        ]

    async def deliver(self) -> None:
        """Send everything the outbox holds that is due, waiting for a tick already running."""
        assert self.app is not None and self.app.job_queue is not None
        [job] = self.app.job_queue.get_jobs_by_name("outbox")
        sender = job.callback.__self__  # type: ignore[attr-defined]
        await sender.drain(BotContext.from_job(job, self.app))

    def _event(self, update_id: int) -> asyncio.Event:
        return self._done.setdefault(update_id, asyncio.Event())

    async def handled(self, update_id: int) -> None:
        await asyncio.wait_for(self._event(update_id).wait(), 10)

    def user(self, user_id: int, first_name: str = "Siti", language_code: str = "id") -> Chat:
        return Chat(self, FakeUser(self.telegram, user_id, first_name, language_code))


class Chat:
    """One user's private chat with the bot."""

    def __init__(self, harness: BotHarness, user: FakeUser) -> None:
        self.harness, self.user = harness, user
        self.id = user.user_id

    def history(self) -> list[Message]:
        return self.harness.telegram.sent_to(self.id)

    async def _do(self, push: Callable[[], int]) -> Reply:
        before = len(self.history())
        await self.harness.handled(push())
        return Reply(self.history()[before:])

    async def send(self, text: str, reply_to: Message | None = None) -> Reply:
        """Send a text; with `reply_to`, as Telegram's Reply to that message of this chat."""
        return await self._do(lambda: self.user.send_text(text, reply_to))

    async def edit(self, message: Message, text: str) -> Reply:
        """Edit one of this user's earlier messages (see `sent_by_user`)."""
        return await self._do(lambda: self.user.edit_text(message, text))

    def sent_by_user(self) -> list[Message]:
        return [m for m in self.harness.telegram.history(self.id) if not m["from"]["is_bot"]]

    async def share_contact(self, phone: str, own: bool = True) -> Reply:
        return await self._do(lambda: self.user.send_contact(phone, own=own))

    async def share_location(self, latitude: float, longitude: float) -> Reply:
        return await self._do(lambda: self.user.send_location(latitude, longitude))

    async def send_photo(
        self, caption: str | None = None, reply_to: Message | None = None
    ) -> Reply:
        return await self._do(lambda: self.user.send_photo(caption, reply_to=reply_to))

    async def send_sticker(self) -> Reply:
        return await self._do(lambda: self.user.send_sticker())

    async def send_voice(self, duration: int = 3, data: bytes = b"") -> Reply:
        return await self._do(lambda: self.user.send_voice(duration, data))

    async def send_document(
        self, name: str, mime: str, caption: str | None = None, data: bytes = b""
    ) -> Reply:
        return await self._do(
            lambda: self.user.send_document(name, mime, data=data, caption=caption)
        )

    def last_sent_params(self, method: str = "sendMessage") -> dict[str, Any]:
        """The parameters of the bot's newest request of `method` to this chat."""
        for request in reversed(self.harness.telegram.requests):
            if request.method == method and str(request.params.get("chat_id")) == str(self.id):
                return dict(request.params)
        raise AssertionError(f"no {method} to chat {self.id}")

    def last_with_buttons(self) -> Message:
        for message in reversed(self.history()):
            if (message.get("reply_markup") or {}).get("inline_keyboard"):
                return message
        raise AssertionError("no message with buttons in this chat")

    def buttons(self) -> list[str]:
        """Labels of the newest message that has buttons, as it is now (after edits)."""
        markup = self.last_with_buttons()["reply_markup"]
        return [button["text"] for row in markup["inline_keyboard"] for button in row]

    async def tap(self, button_text: str, message: Message | None = None) -> Reply:
        """Tap a button of the newest message that has buttons (or of `message`)."""
        target = message or self.last_with_buttons()
        return await self._do(lambda: self.user.click(target, button_text))

    async def tap_data(self, data: str, message: Message | None = None) -> Reply:
        target = message or self.last_with_buttons()
        return await self._do(lambda: self.user.click_data(target, data))
