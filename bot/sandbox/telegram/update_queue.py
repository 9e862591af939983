"""Incoming updates and getUpdates long polling, plus the change signal tests wait on."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from collections.abc import Callable
from typing import Any

MAX_POLL_SECONDS = 50.0  # Telegram caps the getUpdates timeout at 50 s


class Signal:
    """Wakes every waiter on each change; a closed signal stops all waits at once.

    A fresh Event per generation (instead of an asyncio.Condition) lets :meth:`notify` be
    called from sync code such as ``push_update`` without taking a lock.
    """

    def __init__(self) -> None:
        self._changed = asyncio.Event()
        self.closed = False

    def notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    def close(self) -> None:
        self.closed = True
        self.notify()

    async def wait_until(self, condition: Callable[[], bool], seconds: float) -> bool:
        """Re-check ``condition`` after every change; False once ``seconds`` pass or closed."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not condition():
            remaining = deadline - loop.time()
            if remaining <= 0 or self.closed:
                return condition()
            event = self._changed  # taken before awaiting, so no notify can be missed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
        return True


class UpdateQueue:
    """Updates are kept until the bot confirms them with a higher ``offset``, as on Telegram."""

    def __init__(self, signal: Signal) -> None:
        self.signal = signal
        self.updates: list[dict[str, Any]] = []
        self.last_update_id = 0

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a copy of ``update`` with the next update_id and wake long polls."""
        self.last_update_id += 1
        queued = {"update_id": self.last_update_id, **copy.deepcopy(update)}
        queued["update_id"] = self.last_update_id
        self.updates.append(queued)
        self.signal.notify()
        return queued

    def drop_pending(self) -> None:
        self.updates.clear()

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """getUpdates: confirm by offset (negative = keep the last N), then long-poll."""
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = min(max(float(params.get("timeout") or 0), 0.0), MAX_POLL_SECONDS)
        await self.signal.wait_until(lambda: bool(self.updates), timeout)
        return copy.deepcopy(self.updates[:limit])
