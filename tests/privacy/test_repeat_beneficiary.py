"""A person reported again is recognised by NIK, and each viewer is shown only what they may see."""

from __future__ import annotations

import pytest

from storage.audit import AuditEntry
from storage.cases import Case, CaseEvent
from storage.people import Role
from tests.factories import CIPONDOH, TANGERANG, add_user, fetch
from tests.harness import BotHarness
from tests.privacy.reports import NIK, OTHER_NIK, number_in, report
from tests.texts import said

PSM_TANGERANG, PSM_CIPONDOH = 1001, 1002
COORDINATOR_TANGERANG, COORDINATOR_CIPONDOH = 2001, 2002
CIPONDOH_KELURAHAN = "3671051001"


def linked(number: str, kecamatan: str) -> str:
    """One line of the earlier reports about the same person, as a coordinator sees it."""
    return said("case-linked-line", number=number, status=said("status-baru"), kecamatan=kecamatan)


@pytest.fixture
async def people(harness: BotHarness, schema: str) -> None:
    await add_user(schema, PSM_TANGERANG, name="Lutpiah")
    await add_user(schema, PSM_CIPONDOH, kelurahan=CIPONDOH_KELURAHAN, name="Rina")
    await add_user(
        schema, COORDINATOR_TANGERANG, Role.COORDINATOR, None, (TANGERANG,), name="Pak Budi"
    )
    await add_user(
        schema, COORDINATOR_CIPONDOH, Role.COORDINATOR, None, (CIPONDOH,), name="Bu Sari"
    )


async def test_a_repeat_nik_links_cases_across_kecamatan_but_shows_a_psm_nothing_of_another_area(
    harness: BotHarness, schema: str, people: None
) -> None:
    first = number_in(await report(harness.user(PSM_TANGERANG)))
    await harness.deliver()
    rina = harness.user(PSM_CIPONDOH)
    reply = await report(rina, home="Cipondoh")
    second = number_in(reply)
    told = said("report-saved", number=second) + "\n\n" + said("report-repeat")
    assert reply.text == told, "the PSM is told of the repeat, not where it was"

    await harness.deliver()
    alert = harness.telegram.sent_to(COORDINATOR_CIPONDOH)[-1]["text"]
    assert second in alert and said("case-linked-header") in alert
    assert linked(first, "Tangerang") in alert
    assert all(second not in m["text"] for m in harness.telegram.sent_to(COORDINATOR_TANGERANG))

    own_view = await rina.send(f"/kasus {second}")
    assert said("case-linked-elsewhere") in own_view.text and first not in own_view.text
    assert "Tangerang" not in own_view.text
    assert (await rina.send(f"/kasus {first}")).text == said("case-refused")

    sari = harness.user(COORDINATOR_CIPONDOH)
    assert linked(first, "Tangerang") in (await sari.send(f"/kasus {second}")).text
    assert (await sari.send(f"/kasus {first}")).text == said("case-refused")
    budi_view = await harness.user(COORDINATOR_TANGERANG).send(f"/kasus {first}")
    assert linked(second, "Cipondoh") in budi_view.text
    assert budi_view.says("event-reported_again")

    cases = {case.number: case for case in await fetch(schema, Case)}
    assert cases[first].nik_index == cases[second].nik_index is not None
    assert [e.kind for e in cases[second].events] == ["created", "repeat"]
    assert [e.kind for e in cases[first].events] == ["created", "reported_again"]
    [created] = await fetch(schema, AuditEntry, action="case.create", case_id=cases[second].id)
    assert created.detail["linked"] == 1


async def test_a_psm_reporting_the_same_person_again_sees_their_own_earlier_case(
    harness: BotHarness, people: None
) -> None:
    lutpiah = harness.user(PSM_TANGERANG)
    first = number_in(await report(lutpiah))
    reply = await report(lutpiah)
    assert number_in(reply) != first and linked(first, "Tangerang") in reply.text


async def test_another_nik_is_another_person(harness: BotHarness, people: None) -> None:
    await report(harness.user(PSM_TANGERANG))
    reply = await report(harness.user(PSM_TANGERANG), OTHER_NIK)
    assert reply.text == said("report-saved", number=number_in(reply))


async def test_kasus_with_a_nik_finds_the_persons_cases_in_the_callers_reach_and_is_audited(
    harness: BotHarness, schema: str, people: None
) -> None:
    first = number_in(await report(harness.user(PSM_TANGERANG)))
    second = number_in(await report(harness.user(PSM_CIPONDOH), home="Cipondoh"))
    budi = harness.user(COORDINATOR_TANGERANG)
    reply = await budi.send(f"/kasus {NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}")
    [label] = reply.buttons
    assert first in label and second not in label
    assert reply.text == said("cases-by-nik", nik="367101••••••••01", total=1)
    assert all(NIK not in (m.get("text") or "") for m in harness.telegram.history(budi.id))
    opened = await budi.tap(next(b for b in reply.buttons if first in b))
    assert "Mak Onah" in opened.text

    nobody = await harness.user(COORDINATOR_CIPONDOH).send(f"/kasus {OTHER_NIK}")
    assert nobody.text == said("cases-by-nik-none", nik="367101••••••••02")

    searches = await fetch(schema, AuditEntry, action="case.search")
    assert [(s.detail["by"], s.detail["rows"]) for s in searches] == [("nik", 1), ("nik", 0)]
    for entry in await fetch(schema, AuditEntry):
        assert NIK not in str(entry.detail) and "Mak Onah" not in str(entry.detail)
    assert [e.kind for e in await fetch(schema, CaseEvent, kind="repeat")] == ["repeat"]
