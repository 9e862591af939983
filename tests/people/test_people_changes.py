"""Changing people from /pengguna: each action, who may take it, forged and stale buttons."""

from __future__ import annotations

import pytest

from storage.audit import AuditEntry
from storage.people import User
from storage.people_changes import PersonEvent
from tests.conftest import ADMIN_ID
from tests.factories import CIPONDOH, TANGERANG, fetch
from tests.harness import BotHarness, Chat
from tests.people.conftest import BUDI, DEDI, LUTPIAH, RINA, SARI, SUKAASIH, People, answers

# What each button does to Lutpiah (PSM of Sukarasa, Kec. Tangerang), and who may tap it.
BUTTONS = {
    "open": ("u:o:{id}", {"coordinator", "admin"}),
    "deactivate": ("u:a:off:{id}:active", {"coordinator", "admin"}),
    "move": ("u:a:move:{id}:active", {"coordinator", "admin"}),
    "role_menu": ("u:a:role:{id}:active", {"admin"}),
    "role": ("u:r:{id}:coordinator:psm", {"admin"}),
    "keep_cases": ("u:h:{id}:-", set()),  # she has not left: nobody may
}
ACTORS = {
    "coordinator": BUDI,
    "other_coordinator": SARI,
    "colleague": RINA,
    "herself": LUTPIAH,
    "admin": ADMIN_ID,
}


async def person_page(chat: Chat, name: str) -> None:
    await chat.send("/pengguna")
    await chat.tap(name)


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("button", list(BUTTONS))
async def test_who_may_touch_a_psm_even_with_forged_buttons(
    harness: BotHarness, people: People, schema: str, actor: str, button: str
) -> None:
    template, allowed = BUTTONS[button]
    chat = harness.user(ACTORS[actor])
    help_message = (await chat.send("/bantuan")).last
    await chat.tap_data(template.format(id=people[LUTPIAH]), help_message)
    refused = any("tidak berhak" in a or "sudah berubah" in a for a in answers(harness))
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    if actor in allowed:
        assert not refused, f"{actor} should be able to {button}"
    else:
        assert refused, f"{actor} should be told no to {button}"
        assert "+6281200000001" not in str(chat.history())
    assert (lutpiah.status, lutpiah.role) == (
        "active",
        "coordinator" if (button == "role" and actor == "admin") else "psm",
    )
    changes = [e for e in await fetch(schema, AuditEntry) if e.action != "user.list"]
    if actor not in allowed:
        assert changes == [], f"{actor} changed something by {button}"


async def test_deactivating_asks_a_reason_and_the_person_hears_nothing_more(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    asked = await coordinator.tap("🚫 Nonaktifkan")
    assert "alasan" in asked.text
    short = await coordinator.send("x")
    assert "terlalu pendek" in short.text
    done = await coordinator.send("Mengundurkan diri")
    assert "Dinonaktifkan" in done.text and "nonaktif" in done.text
    assert "✅ Aktifkan lagi" in coordinator.buttons()
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.status == "inactive"
    [event] = await fetch(schema, PersonEvent, user_id=lutpiah.id)
    assert (event.kind, event.data, event.actor_id) == (
        "deactivated",
        {"reason": "Mengundurkan diri"},
        people[BUDI],
    )
    [entry] = await fetch(schema, AuditEntry, action="user.deactivate")
    assert entry.actor_id == people[BUDI]
    await harness.deliver()
    assert harness.telegram.sent_to(LUTPIAH) == []
    refused = await harness.user(LUTPIAH).send("/profil")
    assert "tidak aktif" in refused.text


async def test_reactivating_tells_the_person_in_their_language(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Rina Marlina")
    await coordinator.tap("🚫 Nonaktifkan")
    await coordinator.send("Cuti panjang")
    again = await coordinator.tap("✅ Aktifkan lagi")
    assert "Diaktifkan kembali" in again.text
    await harness.deliver()
    [told] = harness.telegram.sent_to(RINA)
    assert told["text"] == "ℹ️ A change to your details in PSM Bot: reactivated."
    kinds = [e.kind for e in await fetch(schema, PersonEvent)]
    assert kinds == ["deactivated", "reactivated"]
    page = coordinator.last_with_buttons()["text"]
    assert "diaktifkan kembali" in page and "Cuti panjang" in page


async def test_a_stale_button_from_before_a_change_changes_nothing(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    old_page = coordinator.last_with_buttons()
    admin = harness.user(ADMIN_ID)
    await person_page(admin, "Lutpiah")
    await admin.tap("🚫 Nonaktifkan")
    await admin.send("Pindah ke luar kota")
    reply = await coordinator.tap("📍 Pindahkan kelurahan", old_page)
    assert reply.messages == [] and "sudah berubah" in answers(harness)[-1], reply.text
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert (lutpiah.status, lutpiah.kelurahan_code) == ("inactive", "3671011001")


async def test_a_coordinator_moves_a_psm_within_their_kecamatan_only(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    asked = await coordinator.tap("📍 Pindahkan kelurahan")
    assert "kelurahan" in asked.text and "Cipondoh" not in str(coordinator.buttons())
    forged = await coordinator.tap_data("pe:kel:3671051001")
    assert "sudah tidak berlaku" in forged.text
    moved = await coordinator.tap("Sukaasih")
    assert "Dipindahkan" in moved.text and "Sukaasih, Tangerang" in moved.text
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert (lutpiah.kelurahan_code, lutpiah.kecamatan_code) == (SUKAASIH, TANGERANG)
    await harness.deliver()
    [told] = harness.telegram.sent_to(LUTPIAH)
    assert "dipindahkan dari Sukarasa ke Sukaasih" in told["text"]
    assert len(await fetch(schema, AuditEntry, action="user.move")) == 1


async def test_an_admin_moves_anywhere_changes_roles_and_a_coordinators_kecamatan(
    harness: BotHarness, people: People, schema: str
) -> None:
    admin = harness.user(ADMIN_ID)
    await person_page(admin, "Dedi Kurnia")
    await admin.tap("🎭 Ganti peran")
    assert admin.buttons() == ["Koordinator", "Admin"]
    promoted = await admin.tap("Koordinator")
    assert "Peran diganti" in promoted.text
    [dedi] = await fetch(schema, User, telegram_id=DEDI)
    assert (dedi.role, dedi.area_codes) == ("coordinator", {CIPONDOH})
    await admin.tap("🗺️ Kecamatan koordinator")
    await admin.tap("Tangerang")
    await admin.tap("✅ Tangerang")  # untick
    await admin.tap("Tangerang")
    done = await admin.tap("Selesai")
    assert "Kecamatan koordinator diganti" in done.text
    [dedi] = await fetch(schema, User, telegram_id=DEDI)
    assert dedi.area_codes == {CIPONDOH, TANGERANG}
    await harness.deliver()
    told = [m["text"] for m in harness.telegram.sent_to(DEDI)]
    assert told == [
        "ℹ️ Perubahan data Anda di PSM Bot: peran diganti dari PSM menjadi Koordinator.",
        "ℹ️ Perubahan data Anda di PSM Bot: kecamatan koordinator sekarang: Tangerang, Cipondoh.",
    ]
    await admin.send("/pengguna")
    await admin.tap("Pak Budi")
    await admin.tap("🎭 Ganti peran")
    asked = await admin.tap("PSM")
    assert "kecamatan" in asked.text, "a coordinator without a kelurahan picks one first"
    await admin.tap("Cipondoh")
    await admin.tap("Cipondoh Indah")
    [budi] = await fetch(schema, User, telegram_id=BUDI)
    assert (budi.role, budi.kelurahan_code, budi.area_codes) == ("psm", "3671051003", set())


async def test_a_coordinator_cannot_change_roles_even_by_typing_the_button(
    harness: BotHarness, people: People, schema: str
) -> None:
    coordinator = harness.user(BUDI)
    await person_page(coordinator, "Lutpiah")
    page = coordinator.last_with_buttons()
    await coordinator.tap_data(f"u:r:{people[LUTPIAH]}:admin:psm", page)
    await coordinator.tap_data(f"u:a:areas:{people[SARI]}:active", page)
    assert all("tidak berhak" in a for a in answers(harness)[-2:])
    [lutpiah] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert lutpiah.role == "psm"
    assert await fetch(schema, AuditEntry, action="user.role") == []
