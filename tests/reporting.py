"""Filling a whole /lapor report the way a PSM does, for tests that need one at the review."""

from __future__ import annotations

from tests.harness import Chat

# 36 71 01 / born 12-03-1950, a woman (12 + 40) / serial 0001
NIK = "3671015203500001"


async def fill_until_review(chat: Chat) -> None:
    """Answer every question with a NIK, a GPS point and two photos."""
    assert "kelompok" in (await chat.send("/lapor")).text
    assert "Lanjut Usia Telantar" in (await chat.tap("Lansia")).buttons
    assert "nama" in (await chat.tap("Lanjut Usia Telantar")).text
    assert "NIK" in (await chat.send("Mak Onah")).text
    reply = await chat.send(NIK)
    assert "Perempuan, lahir 12-03-1950" in reply.text and "kecamatan" in reply.text
    reply = await chat.tap("Kelurahan saya: Sukarasa")
    assert "alamat" in reply.text
    reply = await chat.send("Jl. Merdeka No. 5, RT 02/RW 03, dekat masjid")
    assert chat.last_sent_params()["reply_markup"]["keyboard"][0][0]["request_location"] is True
    await chat.share_location(-6.1702, 106.6403)
    reply = await chat.send(
        "Nenek tinggal sendiri, tidak ada keluarga, sakit-sakitan dan kurang makan."
    )
    assert "mendesak" in reply.text
    assert "foto" in (await chat.tap("Darurat")).text
    assert "Foto ke-1" in (await chat.send_photo()).text
    assert "Foto ke-2" in (await chat.send_photo()).text
    review = await chat.tap("Selesai")
    assert "Periksa laporan" in review.text
