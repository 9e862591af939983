"""Encryption of identifiers at rest (NIK), with a key from DATA_KEY or a generated key file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

_log = logging.getLogger(__name__)


class Cipher:
    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("cannot decrypt: wrong DATA_KEY?") from exc


def load_cipher(data_key: str | None, data_dir: Path) -> Cipher:
    """Use DATA_KEY when set; otherwise keep a key file beside the data so start-up needs no key."""
    if data_key:
        return Cipher(data_key.encode())
    key_file = data_dir / "data.key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
        _log.warning("Created %s: back it up, encrypted NIKs cannot be read without it", key_file)
    return Cipher(key_file.read_bytes().strip())
