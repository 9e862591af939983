"""/profil: what the bot holds about me, my name, my number, moving, leaving."""

from __future__ import annotations

from storage.audit import AuditEntry
from storage.people import User
from storage.people_changes import MoveRequest
from tests.conftest import ADMIN_ID
from tests.factories import add_case, fetch
from tests.harness import BotHarness
from tests.people.conftest import BUDI, LUTPIAH, RINA, SARI, People, answers


async def test_a_psm_sees_what_the_bot_holds_and_changes_their_name(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    shown = await psm.send("/profil")
    for fact in ("Lutpiah", "+6281200000001", "Sukarasa, Tangerang", "PSM", "Bahasa Indonesia"):
        assert fact in shown.text
    assert "📍 Pindah kelurahan" in shown.buttons
    await psm.tap("✏️ Ganti nama")
    wrong = await psm.send("12345")
    assert "huruf" in wrong.text
    done = await psm.send("Lutpiah Nuraini")
    assert "Nuraini" in done.text
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.full_name == "Lutpiah Nuraini"
    assert len(await fetch(schema, AuditEntry, action="user.rename", actor_id=user.id)) == 1


async def test_a_new_number_is_taken_from_a_shared_contact_matched_by_telegram_id(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    asked = await psm.tap("📱 Ganti nomor")
    assert "Bagikan nomor saya" in asked.text
    assert (await psm.send("081299990000")).text.startswith("Mohon tekan tombol")
    done = await psm.share_contact("6281299990000")
    assert "+6281299990000" in done.text
    outside = harness.user(RINA)
    taken = await outside.share_contact("+6281299990000")
    assert "akun Telegram lain" in taken.text
    changed = await outside.share_contact("+62 812 7777 0000")
    assert "+6281277770000" in changed.text
    phones = {u.telegram_id: u.phone for u in await fetch(schema, User)}
    assert (phones[LUTPIAH], phones[RINA]) == ("+6281299990000", "+6281277770000")
    assert len(await fetch(schema, AuditEntry, action="user.phone")) == 2
    stranger = await harness.user(5555).share_contact("+6281266660000")
    assert "belum terdaftar" in stranger.text


async def test_a_move_waits_for_the_coordinator_who_oversees_both_kelurahan(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    await psm.tap("📍 Pindah kelurahan")
    await psm.tap("Tangerang")
    asked = await psm.tap("Sukaasih")
    assert "dikirim ke koordinator" in asked.text
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011001", "nothing moves before the decision"
    await harness.deliver()
    coordinator = harness.user(BUDI)
    request = coordinator.last_with_buttons()
    assert "Sukaasih" in request["text"] and harness.telegram.sent_to(SARI) == []
    approve = request["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    forged = await harness.user(SARI).tap_data(approve, request)
    assert forged.messages == [] and "tidak berhak" in answers(harness)[-1]
    await coordinator.tap("✅ Setujui", request)
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011002"
    [move] = await fetch(schema, MoveRequest)
    assert (move.status, move.decided_by_id) == ("approved", people[BUDI])
    await harness.deliver()
    assert "dipindahkan dari Sukarasa ke Sukaasih" in psm.history()[-1]["text"]
    twice = await coordinator.tap_data(approve, request)
    assert twice.messages == [] and "sudah diputuskan" in answers(harness)[-1]


async def test_a_move_to_another_kecamatan_goes_to_the_admins_and_can_be_refused(
    harness: BotHarness, people: People, schema: str
) -> None:
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    await psm.tap("📍 Pindah kelurahan")
    await psm.tap("Cipondoh")
    await psm.tap("Cipondoh Indah")
    await harness.deliver()
    assert harness.telegram.sent_to(BUDI) == [] and harness.telegram.sent_to(SARI) == []
    admin = harness.user(ADMIN_ID)
    await admin.tap("❌ Tolak")
    await harness.deliver()
    assert "Cipondoh Indah tidak disetujui" in psm.history()[-1]["text"]
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.kelurahan_code == "3671011001"


async def test_leaving_needs_a_confirmation_and_asks_the_coordinator_about_open_cases(
    harness: BotHarness, people: People, schema: str
) -> None:
    await add_case(schema, LUTPIAH)
    psm = harness.user(LUTPIAH)
    await psm.send("/profil")
    asked = await psm.tap("🚪 Keluar")
    assert "Yakin keluar" in asked.text
    await psm.tap("Tidak jadi")
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.status == "active"
    await psm.send("/profil")
    await psm.tap("🚪 Keluar")
    left = await psm.tap("Ya, keluar")
    assert "sudah keluar" in left.text
    [user] = await fetch(schema, User, telegram_id=LUTPIAH)
    assert user.status == "inactive"
    assert len(await fetch(schema, AuditEntry, action="user.leave", actor_id=user.id)) == 1
    await harness.deliver()
    question = harness.user(BUDI).last_with_buttons()
    assert "Lutpiah" in question["text"] and "1 kasus terbuka" in question["text"]
    assert "➡️ Serahkan ke Rina Marlina" in harness.user(BUDI).buttons()
    assert "Akun Anda sedang tidak aktif" in (await psm.send("/lapor")).text


async def test_a_coordinator_has_no_kelurahan_to_move_to(
    harness: BotHarness, people: People
) -> None:
    shown = await harness.user(BUDI).send("/profil")
    assert "Koordinator" in shown.text and "📍 Pindah kelurahan" not in shown.buttons
    forged = await harness.user(BUDI).tap_data("pf:do:move")
    assert "Profil ditutup" in forged.text
