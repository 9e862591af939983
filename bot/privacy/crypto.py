"""Encryption of identifiers at rest (NIK) and their blind index, under a ring of keys.

The keys come from DATA_KEY or the key file DATA_DIR/data.key: one or more Fernet keys, newest
first. New tokens are made with the newest; any of them decrypts (cryptography's MultiFernet),
so a key rotation interrupted halfway (bot/privacy/keys.py) leaves every NIK readable. The blind
index is an HMAC of the NIK under a key derived from a data key: equal NIKs have equal indexes,
so a beneficiary can be found again without decrypting every row, and it reveals nothing without
the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_log = logging.getLogger(__name__)
KEY_FILE = "data.key"
# Bound into the derived key, so the index key is never the encryption key itself.
_INDEX_INFO = b"psm-bot NIK blind index v1"


class Cipher:
    """Encrypts with the newest key, decrypts with any, and indexes under each."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise ValueError("no data key")
        self.keys = list(keys)
        self._fernets = [Fernet(key) for key in self.keys]
        self._ring = MultiFernet(self._fernets)
        self._index_keys = [_index_key(key) for key in self.keys]

    @property
    def rotating(self) -> bool:
        """Older keys are still in the ring: a rotation has not finished."""
        return len(self.keys) > 1

    def encrypt(self, value: str) -> str:
        return self._ring.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._ring.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("cannot decrypt: wrong DATA_KEY?") from exc

    def is_current(self, token: str) -> bool:
        """True when the newest key alone reads the token (nothing left to rotate)."""
        try:
            self._fernets[0].decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def rotate(self, token: str) -> str:
        """The same value encrypted under the newest key."""
        try:
            return self._ring.rotate(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("cannot decrypt: wrong DATA_KEY?") from exc

    def index(self, nik: str) -> str:
        """The blind index of a NIK under the newest key (hex HMAC-SHA256)."""
        return _hmac(self._index_keys[0], nik)

    def indexes(self, nik: str) -> list[str]:
        """Its index under every key of the ring: rows a rotation has not reached still match."""
        return [_hmac(key, nik) for key in self._index_keys]

    def index_of_token(self, token: str) -> str:
        return self.index(self.decrypt(token))


def _index_key(key: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INDEX_INFO)
    return hkdf.derive(base64.urlsafe_b64decode(key))


def _hmac(key: bytes, nik: str) -> str:
    return hmac.new(key, nik.encode(), hashlib.sha256).hexdigest()


def parse_keys(text: str) -> list[bytes]:
    """Fernet keys separated by commas, spaces or lines, newest first (ValueError if malformed)."""
    keys = [part.encode() for part in re.split(r"[\s,]+", text) if part]
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ValueError(f"data key {number} is not a Fernet key") from None
    return keys


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def write_keys(path: Path, keys: Sequence[bytes]) -> None:
    """Replace the key file atomically: after a crash it holds the old keys or the new, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(b"\n".join(keys) + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def retire_keys(path: Path, keys: Sequence[bytes], now: datetime) -> Path:
    """Keep retired keys beside the key file: backups made before the rotation need them."""
    retired = path.with_name(f"{path.name}.retired-{now:%Y%m%d-%H%M%S}")
    write_keys(retired, keys)
    return retired


def load_cipher(data_key: str | None, data_dir: Path) -> Cipher:
    """Use DATA_KEY when set; otherwise keep a key file beside the data so start-up needs no key."""
    if data_key:
        return Cipher(parse_keys(data_key))
    path = key_file(data_dir)
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
        _log.warning("Created %s: back it up, encrypted NIKs cannot be read without it", path)
    return Cipher(parse_keys(path.read_text()))
