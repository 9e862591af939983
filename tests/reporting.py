"""Filling a whole /lapor report the way a PSM does, for tests that need one at the review."""

from __future__ import annotations

from tests.harness import Chat
from tests.texts import said

# 36 71 01 / born 12-03-1950, a woman (12 + 40) / serial 0001
NIK = "3671015203500001"
NIK_MASKED = "367101••••••••01"
ADDRESS = "Jl. Merdeka No. 5, RT 02/RW 03, dekat masjid"
VOICE_DATA = b"OggS voice note of Mak Onah's neighbour"
DESCRIPTION = "Nenek tinggal sendiri, tidak ada keluarga, sakit-sakitan dan kurang makan."


async def fill_until_review(chat: Chat, nik: str = NIK, voice: int | None = None) -> None:
    """Answer every question with a NIK (Mak Onah's; another serial number is another person),
    a GPS point and two photos; what happened typed, or told in a voice note of `voice` s."""
    masked = f"{nik[:6]}••••••••{nik[-2:]}"
    assert said("report-ask-category-group") in (await chat.send("/lapor")).text
    assert "Lanjut Usia Telantar" in (await chat.tap("Lansia")).buttons
    assert said("report-ask-name") in (await chat.tap("Lanjut Usia Telantar")).text
    assert said("report-ask-nik") in (await chat.send("Mak Onah")).text
    reply = await chat.send(nik)
    nik_ok = said("report-nik-ok", nik=masked, sex=said("sex-P"), born="12-03-1950")
    assert nik_ok in reply.text and said("report-ask-kecamatan") in reply.text
    reply = await chat.tap(said("button-my-kelurahan", kelurahan="Sukarasa"))
    assert said("report-ask-address") in reply.text
    reply = await chat.send(ADDRESS)
    assert chat.last_sent_params()["reply_markup"]["keyboard"][0][0]["request_location"] is True
    await chat.share_location(-6.1702, 106.6403)
    if voice is None:
        reply = await chat.send(DESCRIPTION)
    else:
        reply = await chat.send_voice(voice, VOICE_DATA)
        assert said("report-voice-added", length=f"0:{voice:02d}") in reply.text
    assert said("report-ask-urgency") in reply.text
    assert said("report-ask-photos", count=0) in (await chat.tap("Darurat")).text
    assert said("report-photo-added", count=1) in (await chat.send_photo()).text
    assert said("report-photo-added", count=2) in (await chat.send_photo()).text
    review = await chat.tap("Selesai")
    assert review.says(
        "report-review",
        category="Lanjut Usia Telantar",
        name="Mak Onah",
        nik=masked,
        sex=said("sex-P"),
        kelurahan="Sukarasa",
        kecamatan="Tangerang",
        address=ADDRESS,
        gps=said("summary-gps-yes"),
        urgency=said("urgency-darurat"),
        photos=2,
        description=DESCRIPTION
        if voice is None
        else said("voice-note-text", length=f"0:{voice:02d}"),
    )
