"""The coordinator who announces, with the PSM of tests/announcing.py in the database."""

from __future__ import annotations

import pytest

from tests.announcing import COORDINATOR, add_people
from tests.harness import BotHarness, Chat


@pytest.fixture
async def coordinator(harness: BotHarness, schema: str) -> Chat:
    await add_people(schema)
    return harness.user(COORDINATOR)
