"""A standing guard against blocking the event loop (DESIGN principle 12), on in every test.

Every callback the loop runs (a task's step, a timer, a transport's read) is timed in CPU
seconds of the loop's thread, garbage collection left out: a test fails if one of the bot's
callbacks took more than THRESHOLD and is not on ALLOWED. CPU time, not wall time, because
two cores are shared by many workers: a callback descheduled for a second has not blocked
anyone, while one that computes for a second blocks everyone on any machine. Blocking on I/O
(a synchronous sleep, file or socket) is not CPU and is not caught; reviews watch for those.

Callbacks of tasks whose coroutine lives under tests/ (test bodies, fixtures, the harness's
direct job runs) are not the bot's and are not checked: tests build large data at will.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

THRESHOLD = 0.25
ROOT = Path(__file__).resolve().parents[1]
TESTS = str(ROOT / "tests")
OURS = tuple(str(ROOT / package) for package in ("bot", "handlers", "storage", "tests"))
# Callbacks allowed to take longer, by a part of their description, each with its reason.
ALLOWED: dict[str, str] = {}


class SlowCallbacks:
    """The slow callbacks of the running test, described by their coroutines."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self._gc_started = 0.0
        self.gc_seconds = 0.0
        # The callback running now (its thread and wall start) and where a sample saw it.
        self.running: tuple[int, float] | None = None
        self.sampled = ""

    def on_gc(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.thread_time()
        else:
            self.gc_seconds += time.thread_time() - self._gc_started

    def note(self, handle: asyncio.Handle, seconds: float) -> None:
        what = describe(handle)
        if what is None:
            return
        what += f"\n    sampled in our code at: {self.sampled or '-'}"
        if not any(allowed in what for allowed in ALLOWED):
            self.found.append(f"{seconds:.2f} s CPU in {what}")

    def sample(self) -> None:
        """Every tenth of a second, note where a long callback is in our code."""
        while True:
            time.sleep(0.1)
            running = self.running
            if running is None or time.monotonic() - running[1] < THRESHOLD:
                continue
            frame = sys._current_frames().get(running[0])
            if frame is not None:
                stack = traceback.extract_stack(frame)
                ours = [f for f in stack if f.filename.startswith(OURS)]
                self.sampled = " > ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in ours[-3:]
                )


def describe(handle: asyncio.Handle) -> str | None:
    """Where a callback's time went: a task's chain of awaits as it stands after the step,
    or the callback itself; None for test code."""
    callback: Any = getattr(handle, "_callback", None)
    task = getattr(callback, "__self__", None)
    if not isinstance(task, asyncio.Task):
        return repr(handle)
    coroutine: Any = task.get_coro()
    code = getattr(coroutine, "cr_code", None)
    if code is not None and code.co_filename.startswith(TESTS):
        return None
    chain = []
    while coroutine is not None and hasattr(coroutine, "cr_code"):
        frame = coroutine.cr_frame
        where = f"{coroutine.cr_code.co_qualname}:{frame.f_lineno}" if frame else ""
        chain.append(where or coroutine.cr_code.co_qualname)
        coroutine = coroutine.cr_await
    return " > ".join(chain) or repr(task)


GUARD = SlowCallbacks()


def _timed(run: Callable[[asyncio.Handle], None]) -> Callable[[asyncio.Handle], None]:
    def timed(handle: asyncio.Handle) -> None:
        started, collected = time.thread_time(), GUARD.gc_seconds
        GUARD.running, GUARD.sampled = (threading.get_ident(), time.monotonic()), ""
        try:
            run(handle)
        finally:
            GUARD.running = None
            spent = time.thread_time() - started - (GUARD.gc_seconds - collected)
            if spent > THRESHOLD:
                GUARD.note(handle, spent)

    return timed


asyncio.events.Handle._run = _timed(asyncio.events.Handle._run)  # type: ignore[method-assign]
gc.callbacks.append(GUARD.on_gc)
threading.Thread(target=GUARD.sample, name="loop-guard", daemon=True).start()


@pytest.fixture(autouse=True)
def slow_callbacks() -> Iterator[SlowCallbacks]:
    """Fail the test if one of the bot's callbacks held the loop past THRESHOLD."""
    GUARD.found.clear()
    yield GUARD
    found, GUARD.found[:] = list(GUARD.found), []
    if found:
        pytest.fail(
            f"the event loop was held over {THRESHOLD} s CPU (tests/loop_guard.py):\n  "
            + "\n  ".join(found),
            pytrace=False,
        )
