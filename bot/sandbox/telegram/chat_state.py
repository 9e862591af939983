"""What the fake Telegram remembers: chats, their messages (both directions), users, files."""

from __future__ import annotations

import copy
import itertools
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .bot_api_schema import UploadedFile

Params = Mapping[str, Any]
Uploads = Mapping[str, UploadedFile]
# A Bot API method: decoded parameters and attach:// uploads in, JSON ``result`` out.
Handler = Callable[[Params, Uploads], Any]

# Real file_ids start with a type-dependent prefix; mimicking it keeps logs realistic.
_FILE_ID_PREFIX = {
    "photo": "AgACAgUAAxkBAAI",
    "document": "BQACAgUAAxkBAAI",
    "voice": "AwACAgUAAxkBAAI",
    "sticker": "CAACAgUAAxkBAAI",
}
_EXTENSION = {"photo": "jpg", "document": "bin", "voice": "oga", "sticker": "webp"}
# (width, height) of the thumbnails Telegram generates for an uploaded photo.
_PHOTO_SIZES = ((90, 68), (320, 240), (1280, 960))
_FAKE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00fake-jpeg\xff\xd9"


class ApiError(Exception):
    """A Bot API failure: becomes {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass
class StoredFile:
    """A file Telegram stores; served at ``{base_file_url}{token}/{file_path}``."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    duration: int = 0  # seconds, for a voice note

    def as_file(self) -> dict[str, Any]:
        """The Bot API ``File`` object getFile returns."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


class ChatState:
    """Messages are stored per chat in send order; deletions are remembered, not forgotten."""

    def __init__(self, bot_user: dict[str, Any]) -> None:
        self.bot_user = bot_user
        self.users: dict[int, dict[str, Any]] = {}
        self.files: dict[str, StoredFile] = {}
        self.photo_groups: dict[str, list[dict[str, Any]]] = {}
        self._messages: dict[int, dict[int, dict[str, Any]]] = {}
        self._deleted: set[tuple[int, int]] = set()
        self._last_message_id: dict[int, int] = {}
        self._file_counter = itertools.count(1)

    def next_message_id(self, chat_id: int) -> int:
        """Message ids are per chat and shared by both sides of the conversation."""
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def chat(self, chat_id: int) -> dict[str, Any]:
        """The Chat object for ``chat_id``: private for users, (super)group for negative ids."""
        if chat_id > 0:
            user = self.users.get(chat_id, {})
            chat = {"id": chat_id, "type": "private"}
            chat["first_name"] = user.get("first_name", f"User {chat_id}")
            if user.get("username"):
                chat["username"] = user["username"]
            return chat
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}

    def new_message(self, chat_id: int, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        """Create and store a message from ``sender``; ``content`` holds the payload keys."""
        message: dict[str, Any] = {
            "message_id": self.next_message_id(chat_id),
            "from": sender,
            "chat": self.chat(chat_id),
            "date": int(time.time()),
        }
        message.update({key: value for key, value in content.items() if value is not None})
        return self.store(message)

    def store(self, message: dict[str, Any]) -> dict[str, Any]:
        """Remember a message built elsewhere (e.g. by FakeUser) so the bot can act on it."""
        chat_id = int(message["chat"]["id"])
        self._messages.setdefault(chat_id, {})[int(message["message_id"])] = message
        last = self._last_message_id.get(chat_id, 0)
        self._last_message_id[chat_id] = max(last, int(message["message_id"]))
        return message

    def find(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """The live message, or None when unknown or deleted."""
        if (chat_id, message_id) in self._deleted:
            return None
        return self._messages.get(chat_id, {}).get(message_id)

    def delete(self, chat_id: int, message_id: int) -> bool:
        """Mark a message deleted; False when there was nothing to delete."""
        if self.find(chat_id, message_id) is None:
            return False
        self._deleted.add((chat_id, message_id))
        return True

    def messages(self, chat_id: int, *, from_bot: bool | None = None) -> list[dict[str, Any]]:
        """Live messages of a chat in order; deep copies so callers cannot mutate state."""
        found = [
            message
            for message_id, message in self._messages.get(chat_id, {}).items()
            if (chat_id, message_id) not in self._deleted
            and (from_bot is None or (message["from"]["id"] == self.bot_user["id"]) == from_bot)
        ]
        return copy.deepcopy(found)

    def new_file(
        self,
        kind: str,
        data: bytes = b"",
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        """Register a file with fresh, realistic-looking ids."""
        number = next(self._file_counter)
        extension = (file_name or "").rpartition(".")[2] or _EXTENSION.get(kind, "bin")
        prefix = _FILE_ID_PREFIX.get(kind, _FILE_ID_PREFIX["document"])
        stored = StoredFile(
            file_id=f"{prefix}{number:04d}{secrets.token_hex(12)}",
            file_unique_id=f"AQAD{number:04d}{secrets.token_hex(4)}",
            kind=kind,
            data=data or (_FAKE_JPEG if kind == "photo" else f"fake {kind} {number}".encode()),
            file_path=f"{kind}s/file_{number}.{extension}",
            file_name=file_name,
            mime_type=mime_type,
        )
        self.files[stored.file_id] = stored
        return stored

    def new_photo(self, data: bytes = b"") -> list[dict[str, Any]]:
        """PhotoSize list, smallest first, as Telegram generates for one uploaded photo."""
        sizes: list[dict[str, Any]] = []
        for width, height in _PHOTO_SIZES:
            stored = self.new_file("photo", data)
            sizes.append({
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.data),
                "width": width,
                "height": height,
            })  # fmt: skip
        for size in sizes:
            self.photo_groups[size["file_id"]] = sizes
        return sizes
