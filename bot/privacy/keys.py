"""Key rotation: every stored NIK re-encrypted under a new key, its blind index recomputed.

With the key file, `start_rotation` writes a new key in front of the old one (atomically), so
from then on any process reads every NIK whatever its progress. `reencrypt` rewrites the rows
not yet under the new key, a batch per transaction: interrupted, it is simply run again. When
nothing is left under an old key, `finish_rotation` retires the old keys to a file of their
own (backups made before the rotation need them) and leaves the new key alone in the key file.
With DATA_KEY the operator puts the new key first in DATA_KEY, and removes the old one after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy.audit import Audit, audit
from bot.privacy.crypto import Cipher, key_file, parse_keys, retire_keys, write_keys
from storage.cases import Case
from storage.conversations import ConversationDraft
from storage.db import Sessions

BATCH = 200
# The draft field holding an encrypted NIK (bot/cases/draft.py), in any conversation.
DRAFT_FIELD = "nik_token"


class NeedsNewKey(Exception):
    """DATA_KEY holds one key: the operator must put a new one in front of it."""

    def __init__(self, suggestion: bytes) -> None:
        super().__init__("DATA_KEY needs a new key in front of the current one")
        self.suggestion = suggestion


def start_rotation(data_key: str | None, data_dir: Path) -> Cipher:
    """The ring to rotate with: the new key first. Resumes a rotation already started."""
    if data_key:
        keys = parse_keys(data_key)
        if len(keys) < 2:
            raise NeedsNewKey(Fernet.generate_key())
        return Cipher(keys)
    path = key_file(data_dir)
    keys = parse_keys(path.read_text()) if path.exists() else []
    if len(keys) == 1:
        keys = [Fernet.generate_key(), *keys]
        write_keys(path, keys)
    elif not keys:
        keys = [Fernet.generate_key()]
        write_keys(path, keys)
    return Cipher(keys)


@dataclass
class Rotated:
    cases: int = 0
    drafts: int = 0


async def reencrypt(sessions: Sessions, cipher: Cipher, batch: int = BATCH) -> Rotated:
    """Bring every case NIK and draft NIK under the newest key, with its index; idempotent."""
    done, last = Rotated(), 0
    while True:
        async with sessions.begin() as session:
            rows = (
                await session.execute(
                    select(Case.id, Case.nik_encrypted, Case.nik_index)
                    .where(Case.id > last, Case.nik_encrypted.is_not(None))
                    .order_by(Case.id)
                    .limit(batch)
                )
            ).all()
            for case_id, token, index in rows:
                assert token is not None  # the query's condition
                fresh = token if cipher.is_current(token) else cipher.rotate(token)
                fresh_index = cipher.index_of_token(fresh)
                if (fresh, fresh_index) != (token, index):
                    await session.execute(
                        update(Case)
                        .where(Case.id == case_id)
                        .values(
                            nik_encrypted=fresh, nik_index=fresh_index, updated_at=Case.updated_at
                        )
                    )
                    done.cases += 1
        if len(rows) < batch:
            break
        last = rows[-1][0]
    async with sessions.begin() as session:
        done.drafts = await _reencrypt_drafts(session, cipher)
    return done


async def _reencrypt_drafts(session: AsyncSession, cipher: Cipher) -> int:
    changed = 0
    for draft in await session.scalars(select(ConversationDraft)):
        token = draft.data.get(DRAFT_FIELD)
        if isinstance(token, str) and not cipher.is_current(token):
            draft.data = {**draft.data, DRAFT_FIELD: cipher.rotate(token)}
            changed += 1
    return changed


async def left_behind(session: AsyncSession, cipher: Cipher) -> int:
    """Case NIKs the newest key cannot read yet (0 once the rotation is complete)."""
    tokens = await session.scalars(
        select(Case.nik_encrypted).where(Case.nik_encrypted.is_not(None))
    )
    return sum(1 for token in tokens if token is not None and not cipher.is_current(token))


async def finish_rotation(
    sessions: Sessions,
    cipher: Cipher,
    data_key: str | None,
    data_dir: Path,
    done: Rotated,
    now: datetime,
) -> Path | None:
    """Record the rotation; with the key file, retire the old keys (their file is returned)."""
    async with sessions.begin() as session:
        remaining = await left_behind(session, cipher)
        if remaining:
            raise RuntimeError(f"{remaining} NIK(s) are still under an old key; run again")
        total = await session.scalar(
            select(func.count()).select_from(Case).where(Case.nik_encrypted.is_not(None))
        )
        audit(
            session,
            Audit.KEY_ROTATE,
            at=now,
            cases=done.cases,
            drafts=done.drafts,
            total=total or 0,
        )
    if data_key or not cipher.rotating:
        return None
    path = key_file(data_dir)
    retired = retire_keys(path, cipher.keys[1:], now)
    write_keys(path, cipher.keys[:1])
    return retired
