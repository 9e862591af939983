"""`make run` without a token: the sandbox page in a real browser (Debian's headless Chromium),
on a phone-sized window (412x860), as people would use it.

One person plays both sides: registers as the roster PSM with the share-number button, files a
whole /lapor (what happened told in a voice note) with a photo, then switches to the
coordinator and finds the alert, the voice note after it, and the case.
Another registers as a new PSM and the admin approves them. Each walk saves screenshots, to
PSM_SCREENSHOTS when set (`make screenshots` refreshes the README's, in docs/).
"""

import re
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.phone import ALERT_WAIT_MS, Phone, shown_pattern, tiny_png
from tests.texts import said

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.process]


@pytest.mark.timeout(180)
async def test_psm_reports_by_voice_with_a_photo_and_the_coordinator_hears_the_case(
    page: Page, tmp_path: Path, shots: Path
) -> None:
    phone = Phone(page, shots)
    await expect(page.locator("#tour")).to_be_visible()
    await page.get_by_role("button", name=said("sandbox-tour-close")).click()
    await phone.start()
    await phone.bot_says("signup-ask-contact")
    await phone.press(said("button-share-contact"))
    await expect(phone.messages.locator(".msg.user").last).to_contain_text("+6281234567890")
    await phone.bot_says("signup-activated-psm", name="Lutpiah", place="Sukarasa")
    await phone.shot("1-psm-registered")

    await phone.tap_command("/lapor")
    await phone.bot_says("report-ask-category-group")
    await phone.tap("Anak")
    await phone.bot_says("report-ask-category", group=said("category-group-anak"))
    await phone.tap("Anak Telantar")
    await phone.bot_says("report-ask-name")
    await phone.send("Dodi")
    await phone.bot_says("report-ask-nik")
    await phone.send("3671011208150002")
    await phone.bot_says("report-ask-kecamatan")
    await phone.tap(said("button-my-kelurahan", kelurahan="Sukarasa"))
    await phone.bot_says("report-ask-address")
    await phone.send("Jl. Kisamaun 10 RT 01/02")
    await phone.bot_says("report-ask-location")
    await phone.press(said("button-send-location"))
    await page.locator("#latitude").fill("-6.17800")
    await page.locator("#longitude").fill("106.63000")
    dialog = page.locator("#location-dialog")
    await phone.click(dialog.get_by_role("button", name=said("sandbox-location-send")))
    await phone.bot_says("report-ask-description")
    await expect(page.locator("#reply-keyboard")).to_be_hidden()
    # What happened, told by voice: an audio file picked through the attach menu.
    async with page.expect_file_chooser() as chooser:
        await page.get_by_role("button", name=said("sandbox-attach")).click()
        menu = page.locator("#attach-menu")
        await menu.get_by_role("button", name=said("sandbox-attach-voice")).click()
    voice = tmp_path / "cerita.ogg"
    voice.write_bytes(b"OggS" + bytes(5996))  # no real audio: the server counts 3 s
    await (await chooser.value).set_files(str(voice))
    await phone.click(
        page.locator("#upload-dialog").get_by_role("button", name=said("sandbox-send"))
    )
    await phone.bot_says("report-voice-added", length="0:03")
    await expect(phone.messages.locator(".msg.user .card.voice")).to_be_visible()
    await phone.bot_says("report-ask-urgency")
    await phone.tap("Tinggi")
    await phone.bot_says("report-ask-photos", count=0)

    async with page.expect_file_chooser() as chooser:
        await page.get_by_role("button", name=said("sandbox-attach")).click()
        menu = page.locator("#attach-menu")
        await menu.get_by_role("button", name=said("sandbox-attach-photo")).click()
    await (await chooser.value).set_files(str(tiny_png(tmp_path / "kondisi.png")))
    upload = page.locator("#upload-dialog")
    await phone.click(upload.get_by_role("button", name=said("sandbox-send")))
    await phone.bot_says("report-photo-added", count=1)
    photo = phone.messages.locator(".msg.user img.photo").last
    await expect(photo).to_be_visible()
    assert await photo.evaluate("img => img.naturalWidth") == 8, "the photo did not arrive intact"

    await phone.tap("Selesai")
    await phone.bot_says("report-review", name="Dodi", category="Anak Telantar")
    await phone.shot("2-psm-review")
    await phone.tap(said("button-submit"))
    saved = await phone.bot_says("report-saved")
    number = re.search(r"TNG-\d{4}-\d{5}", saved)
    assert number, saved

    # The folded switcher still shows that someone else has a new message.
    unread = page.locator("#unread-total")
    await expect(unread).to_have_text(re.compile("^[12]$"), timeout=ALERT_WAIT_MS)
    await phone.play("Ratna")
    await expect(page.locator("#messages[data-chat='2001']")).to_be_attached()
    # The alert, then the place it was reported from as a map pin, then the voice note.
    replies = phone.messages.locator(".msg.bot")
    await expect(replies).to_have_count(3, timeout=ALERT_WAIT_MS)
    alert = await replies.first.inner_text()
    assert shown_pattern("case-new", number=number.group()).search(alert), alert
    assert "Dodi" in alert and "Lutpiah" in alert
    assert said("voice-note-text", length="0:03") in alert
    assert "-6.17800" in await replies.nth(1).inner_text()
    await expect(replies.last.locator(".card.voice")).to_be_visible()
    await phone.shot("3-coordinator-alert")
    await phone.send(f"/kasus {number.group()}")
    case = await phone.bot_says("case-detail", number=number.group(), name="Dodi")
    assert number.group() in case and "Sukarasa" in case
    await phone.shot("4-coordinator-case")
    # Tapping the alert makes the next message a reply to it, which goes to its case.
    alert_bubble = phone.messages.locator(".msg.bot", has_text=number.group()).first
    await alert_bubble.locator(".bubble").click()
    await expect(page.locator("#reply-bar")).to_be_visible()
    await phone.send("Sudah saya telepon, besok dijemput.")
    await phone.bot_says("reply-noted", number=number.group())
    await expect(page.locator("#reply-bar")).to_be_hidden()
    await expect(page.locator("#violation-count")).to_have_text("0")


@pytest.mark.timeout(180)
async def test_a_new_psm_registers_and_the_admin_approves_them(page: Page, shots: Path) -> None:
    phone = Phone(page, shots)
    await page.get_by_role("button", name=said("sandbox-tour-close")).click()
    await phone.play("Admin")
    await phone.start()  # Telegram lets the bot write only to chats that were opened
    await phone.bot_says("welcome-admin", name="Admin")
    await phone.play("Rudi")
    await phone.start()
    await phone.bot_says("signup-ask-contact")
    await phone.press(said("button-share-contact"))
    await phone.bot_says("signup-ask-name")
    await phone.send("Rudi Hartono")
    # Karawaci has no coordinator in the sandbox, so the admins decide.
    await phone.bot_says("signup-ask-kecamatan")
    await phone.tap("Karawaci")
    await phone.bot_says("signup-ask-kelurahan")
    await phone.tap("Karawaci Baru")
    await phone.bot_says("signup-pending")

    await phone.play("Admin")
    await phone.bot_says("approval-request", wait_ms=ALERT_WAIT_MS)
    await phone.shot("5-admin-approval")
    await phone.tap(said("button-approve"))
    await phone.play("Rudi")
    await phone.bot_says("signup-approved", wait_ms=ALERT_WAIT_MS)
    await phone.send("/bantuan")
    help_text = await phone.bot_says("help")
    assert said("help-command-audit") not in help_text  # a PSM's help is a PSM's
    await expect(page.locator("#violation-count")).to_have_text("0")
