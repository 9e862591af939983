"""Announcements reach their audience through the outbox: on time, in each PSM's language."""

from __future__ import annotations

from bot.runtime.clock import FixedClock
from tests.announcing import (
    COORDINATOR,
    DEWI,
    EKO,
    RUDI,
    SITI,
    add_people,
    at,
    compose,
    publish,
    texts_to,
)
from tests.conftest import ADMIN_ID
from tests.harness import BotHarness, Chat


async def test_a_scheduled_announcement_waits_for_its_time_then_reaches_everyone(
    coordinator: Chat, harness: BotHarness, clock: FixedClock
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    await harness.run_job("outbox")
    clock.set(at(10, 7, 59))
    await harness.run_job("outbox")
    assert harness.telegram.sent_to(SITI) == [] and harness.telegram.sent_to(RUDI) == []

    clock.set(at(10, 8))
    await harness.run_job("outbox")
    [siti] = harness.telegram.sent_to(SITI)
    assert "Bimtek Pendampingan Lansia" in siti["text"] and "Selasa, 15 Desember" in siti["text"]
    [rudi] = harness.telegram.sent_to(RUDI)
    assert "Tuesday, 15 December 2026, 09:00 WIB" in rudi["text"]
    labels = [b["text"] for row in rudi["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Attending", "Not attending"]
    assert harness.telegram.sent_to(DEWI) == [] and harness.telegram.sent_to(EKO) == []

    await harness.run_job("outbox")
    assert len(harness.telegram.sent_to(SITI)) == 1


async def test_sending_now_goes_out_on_the_next_outbox_tick(
    coordinator: Chat, harness: BotHarness
) -> None:
    await publish(coordinator)
    await harness.run_job("outbox")
    assert len(texts_to(harness, SITI)) == 1 and len(texts_to(harness, RUDI)) == 1


async def test_coordinators_only_reaches_coordinators(harness: BotHarness, schema: str) -> None:
    await add_people(schema)
    admin = harness.user(ADMIN_ID)
    await compose(admin, audience=("Khusus koordinator",))
    await admin.tap("✅ Kirim")
    await harness.run_job("outbox")
    assert "Bimtek" in texts_to(harness, COORDINATOR)[-1]
    assert texts_to(harness, SITI) == []


async def test_blocked_recipients_are_not_counted_as_delivered(
    coordinator: Chat, harness: BotHarness
) -> None:
    harness.telegram.block_chat(RUDI)
    await publish(coordinator)
    await harness.run_job("outbox")
    card = await coordinator.tap("Lihat jawaban")
    assert "1 terkirim, 0 menunggu, 1 memblokir bot, 0 gagal" in card.text
    assert "0 hadir, 0 tidak hadir, 1 belum menjawab" in card.text


async def test_the_card_shows_pending_sends_before_the_send_time(
    coordinator: Chat, harness: BotHarness
) -> None:
    await publish(coordinator, send="10-12-2026 08:00")
    card = await coordinator.tap("Lihat jawaban")
    assert "0 terkirim, 2 menunggu" in card.text
    assert "Dikirim: Kamis, 10 Desember 2026, pukul 08:00 WIB" in card.text
    assert {"🕑 Ubah waktu acara", "❌ Batalkan acara"} <= set(card.buttons)
