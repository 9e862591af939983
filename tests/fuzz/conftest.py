"""Fuzzing settings: a few fixed examples in CI, as many random ones as asked for otherwise.

PSM_FUZZ_EXAMPLES=500 make test    (or pytest tests/fuzz) explores 500 random examples per
conversation, keeps failures in .hypothesis/ to replay them first next time, and shrinks them.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.harness import BotHarness

EXAMPLES = int(os.environ.get("PSM_FUZZ_EXAMPLES", "0"))
# One bot and one database serve every example of a test; each example is a new user.
_SHARED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci",
    max_examples=6,
    derandomize=True,  # the same examples every run: CI fails on code, not on luck
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=_SHARED,
)
settings.register_profile(
    "long", max_examples=EXAMPLES or 6, deadline=None, suppress_health_check=_SHARED
)
settings.load_profile("long" if EXAMPLES else "ci")


@dataclass
class Failures:
    """Every exception that reached the bot's error handler, with its traceback."""

    seen: list[str] = field(default_factory=list)


@pytest.fixture
def failures(harness: BotHarness) -> Failures:
    found = Failures()

    async def record(update: object, context: object) -> None:
        error = getattr(context, "error", None)
        if error is not None:
            found.seen.append("".join(traceback.format_exception(error)) + f"\nupdate: {update}")

    assert harness.app is not None
    harness.app.add_error_handler(record)
    return found
