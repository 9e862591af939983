"""Cases about one person, reported through /lapor or written straight to the database."""

from __future__ import annotations

import re

from sqlalchemy import update

from bot.cases import mask_nik
from bot.privacy.crypto import Cipher
from storage.cases import Case
from storage.db import create_engine, create_sessions
from tests.harness import BotHarness, Chat, Reply
from tests.texts import said

# 36 71 01 / born 12-03-1950, a woman / serial 0001: Mak Onah.
NIK = "3671015203500001"
OTHER_NIK = "3671014506800002"


def cipher_of(harness: BotHarness) -> Cipher:
    """The running bot's cipher (its key file in the test's DATA_DIR)."""
    assert harness.app is not None and harness.app.bot_data.services is not None
    return harness.app.bot_data.services.cipher


async def report(chat: Chat, nik: str = NIK, home: str = "Sukarasa") -> Reply:
    """A short /lapor about Mak Onah from the PSM's own kelurahan; the reply to submitting."""
    await chat.send("/lapor")
    await chat.tap("Lansia")
    await chat.tap("Lanjut Usia Telantar")
    await chat.send("Mak Onah")
    await chat.send(nik)
    await chat.tap(said("button-my-kelurahan", kelurahan=home))
    await chat.send("Jl. Merdeka No. 5, RT 02/RW 03")
    await chat.send(said("button-skip"))
    await chat.send("Nenek tinggal sendiri, tidak ada keluarga yang merawat.")
    await chat.tap("Tinggi")
    await chat.tap(said("button-photos-none"))
    return await chat.tap(said("button-submit"))


def number_in(reply: Reply) -> str:
    found = re.search(r"TNG-\d{4}-\d{5}", reply.text)
    assert found, reply.text
    return found.group()


async def give_nik(url: str, case_id: int, cipher: Cipher, nik: str = NIK) -> None:
    """Store a NIK on a case the way submitting does: encrypted, masked, indexed."""
    engine = create_engine(url)
    async with create_sessions(engine).begin() as session:
        await session.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(
                nik_encrypted=cipher.encrypt(nik),
                nik_masked=mask_nik(nik),
                nik_index=cipher.index(nik),
                updated_at=Case.updated_at,
            )
        )
    await engine.dispose()
