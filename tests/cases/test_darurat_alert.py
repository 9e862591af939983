"""A Darurat alert a responder can act on: who to call, and where, in the urgent lane."""

from __future__ import annotations

import re

from storage.delivery import Lane, OutboxMessage
from storage.people import Role
from tests.factories import TANGERANG, add_user, fetch
from tests.harness import BotHarness
from tests.reporting import fill_until_review
from tests.texts import said, said_pattern

PSM_ID, COORDINATOR_ID = 1001, 2001
PHONE = "+6281234567890"


async def test_a_darurat_alert_names_the_reporters_phone_and_pins_the_place(
    harness: BotHarness, schema: str
) -> None:
    await add_user(schema, PSM_ID, name="Lutpiah", phone=PHONE)
    await add_user(schema, COORDINATOR_ID, Role.COORDINATOR, kelurahan=None, areas=(TANGERANG,))
    psm = harness.user(PSM_ID)
    await fill_until_review(psm)  # Darurat, with the GPS point -6.1702, 106.6403
    saved = await psm.tap(said("button-submit"))
    number = re.search(r"TNG-\d{4}-\d{5}", saved.text)
    assert number is not None

    queued = await fetch(schema, OutboxMessage, chat_id=COORDINATOR_ID)
    assert [(row.kind, row.priority) for row in sorted(queued, key=lambda r: r.id)] == [
        ("case_alert", Lane.URGENT),
        ("case_alert_place", Lane.URGENT),
    ], "queued together with the case, both in the urgent lane"

    await harness.deliver()
    alert, pin = harness.telegram.sent_to(COORDINATOR_ID)[-2:]
    pattern = said_pattern("case-new-darurat", number=number.group(), reporter="Lutpiah")
    assert pattern.search(alert["text"]) and PHONE in alert["text"]
    assert pin["location"] == {"latitude": -6.1702, "longitude": 106.6403}
