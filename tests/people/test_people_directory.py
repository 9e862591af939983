"""/pengguna: who sees whom, filters, search, a person's page, and every read audited."""

from __future__ import annotations

from datetime import timedelta

from bot.runtime.clock import FixedClock
from storage.audit import AuditEntry
from storage.people import Role, UserStatus
from tests.conftest import ADMIN_ID
from tests.factories import SUKARASA, add_case, add_roster, add_user, fetch
from tests.harness import BotHarness
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, SARI, People
from tests.texts import said

NEVER = said("people-never")


def line(name: str, place: str = "Sukarasa, Tangerang", icon: str = "🟢", when: str = NEVER) -> str:
    """A person's line in the list (by default, of someone who never wrote or reported)."""
    return said("people-list-line", icon=icon, name=name, place=place, when=when)


async def test_a_coordinator_lists_only_the_psm_of_their_kecamatan(
    harness: BotHarness, people: People, schema: str
) -> None:
    reply = await harness.user(BUDI).send("/pengguna")
    assert line("Lutpiah") in reply.text and line("Rina Marlina") in reply.text
    assert "Dedi" not in reply.text and "Bu Sari" not in reply.text
    assert reply.says("people-list-title", filter=said("people-filter-all"), total=2)
    everyone = await harness.user(ADMIN_ID).send("/pengguna")
    assert all(name in everyone.text for name in ("Lutpiah", "Dedi", "Bu Sari", "Pak Budi"))
    [listed] = await fetch(schema, AuditEntry, action="user.list", actor_id=people[BUDI])
    assert sorted(listed.detail["shown"]) == sorted([people[LUTPIAH], people[RINA]])


async def test_a_psm_or_a_deactivated_coordinator_lists_nobody(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = await harness.user(LUTPIAH).send("/pengguna")
    assert psm.text == said("people-refused") and "Rina" not in psm.text
    await add_user(schema, 2009, status=UserStatus.INACTIVE, kelurahan=None, name="Pak Lama")
    gone = await harness.user(2009).send("/pengguna")
    assert gone.text == said("access-inactive") and "Lutpiah" not in gone.text


async def test_filters_show_pending_inactive_and_quiet_people(
    harness: BotHarness, people: People, schema: str, clock: FixedClock
) -> None:
    await add_user(schema, 1010, status=UserStatus.PENDING, name="Yanti Baru")
    await add_user(schema, 1011, status=UserStatus.INACTIVE, name="Wawan Pergi")
    await add_case(schema, RINA, at=clock.now() - timedelta(days=3))
    coordinator = harness.user(BUDI)
    await coordinator.send("/pengguna")
    await coordinator.tap(said("people-filter-pending"))
    pending = coordinator.last_with_buttons()["text"]
    title = said("people-list-title", filter=said("people-filter-pending"), total=1)
    assert title in pending and line("Yanti Baru", icon="⏳") in pending
    assert "Lutpiah" not in pending
    await coordinator.tap(said("people-filter-inactive"))
    inactive = coordinator.last_with_buttons()["text"]
    title = said("people-list-title", filter=said("people-filter-inactive"), total=1)
    assert title in inactive and line("Wawan Pergi", icon="⚫") in inactive
    assert "Yanti" not in inactive
    clock.set(clock.now() + timedelta(days=61))
    await harness.user(LUTPIAH).send("/bantuan")  # Lutpiah writes to the bot: not quiet
    await coordinator.tap(said("people-filter-idle"))
    quiet = coordinator.last_with_buttons()["text"]
    assert said("people-list-title", filter=said("people-filter-idle"), total=1) in quiet
    assert "Rina Marlina" in quiet, "a report 64 days ago is no activity in 60 days"
    assert "Lutpiah" not in quiet and "Wawan" not in quiet


async def test_search_by_name_or_any_spelling_of_a_phone_number(
    harness: BotHarness, people: People
) -> None:
    coordinator = harness.user(BUDI)
    by_name = await coordinator.send("/pengguna rina")
    assert by_name.text == "\n".join(
        [said("people-list-search", search="rina", total=1), "", line("Rina Marlina")]
    )
    by_phone = await coordinator.send("/pengguna 0812-0000-0001")
    assert by_phone.says("people-list-search", search="0812-0000-0001", total=1)
    assert line("Lutpiah") in by_phone.text and "Rina" not in by_phone.text
    elsewhere = await coordinator.send("/pengguna dedi")
    assert elsewhere.text == "\n\n".join(
        [said("people-list-search", search="dedi", total=0), said("people-list-empty")]
    )


async def test_a_persons_page_shows_area_role_cases_and_history_and_is_audited(
    harness: BotHarness, people: People, schema: str
) -> None:
    await add_case(schema, LUTPIAH, number="TNG-2026-00007")
    coordinator = harness.user(BUDI)
    await coordinator.send("/pengguna")
    page = await coordinator.tap("Lutpiah")
    assert page.says(
        "person-page",
        name="Lutpiah",
        phone="+6281200000001",
        role=said("role-psm"),
        status=said("person-status-active"),
        place="Sukarasa, Tangerang",
        cases="TNG-2026-00007",
    )
    assert said("person-page-history") in page.text
    assert said("person-act-off") in page.buttons and said("person-act-role") not in page.buttons
    [viewed] = await fetch(schema, AuditEntry, action="user.view")
    assert (viewed.actor_id, viewed.detail["user_id"]) == (people[BUDI], people[LUTPIAH])


async def test_a_forged_button_for_another_kecamatan_reveals_nothing(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    message = (await coordinator.send("/pengguna")).last
    forged = await coordinator.tap_data(f"u:o:{people[DEDI]}", message)
    unknown = await coordinator.tap_data("u:o:999999", message)
    assert forged.messages == [] and unknown.messages == []
    assert "Dedi" not in str(coordinator.history())
    assert await fetch(schema, AuditEntry, action="user.view") == []
    other = harness.user(SARI)
    assert "Lutpiah" not in (await other.send("/pengguna")).text


async def test_someone_who_just_registered_wrote_today_and_is_not_quiet(
    harness: BotHarness, people: People, schema: str, clock: FixedClock
) -> None:
    await add_roster(schema, "+6281234567890", "Wulan Baru", Role.PSM, kelurahan=SUKARASA)
    newcomer = harness.user(1010)
    await newcomer.send("/start")
    await newcomer.share_contact("6281234567890")
    clock.set(clock.now() + timedelta(minutes=5))
    await newcomer.send("/bantuan")  # a message minutes after registering is activity too
    coordinator = harness.user(BUDI)
    listing = await coordinator.send("/pengguna")
    today = clock.now().astimezone(harness.settings.tz).strftime("%d-%m-%Y")
    assert line("Wulan Baru", when=today) in listing.text
    await coordinator.tap(said("people-filter-idle"))
    quiet = coordinator.last_with_buttons()["text"]
    assert "Wulan" not in quiet
