"""A Telegram user in a private chat with the bot: builds realistic updates and pushes them."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .html_check import utf16_len

if TYPE_CHECKING:
    from .telegram_server import FakeTelegramServer


@dataclass(frozen=True)
class SentPhoto:
    """What :meth:`FakeUser.send_photo` produced; ids are those of the largest size."""

    update_id: int
    file_id: str
    file_unique_id: str
    message: dict[str, Any]


class FakeUser:
    """Every ``send_*``/``click*`` method pushes one update and returns its update_id."""

    def __init__(
        self,
        server: FakeTelegramServer,
        user_id: int,
        first_name: str,
        language_code: str = "id",
        username: str | None = None,
    ) -> None:
        self.server = server
        self.user_id = user_id
        self.user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if username:
            self.user["username"] = username
        self.last_photo: SentPhoto | None = None
        # Telegram gives each (user, chat) pair an opaque, stable chat_instance.
        self._chat_instance = str(secrets.randbelow(10**18))
        server.state.users[user_id] = self.user  # so the bot's replies name the right chat

    @property
    def chat(self) -> dict[str, Any]:
        return self.server.state.chat(self.user_id)

    def send_text(self, text: str, reply_to: dict[str, Any] | None = None) -> int:
        """A text message; a leading /command gets its bot_command entity, as on Telegram.
        With ``reply_to`` (a message of this chat) it is a reply to that message."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(command)}
            ]
        return self._push_message(content, reply_to)

    def edit_text(self, message: dict[str, Any], text: str) -> int:
        """Edit one of the user's own earlier messages, as Telegram's "Edit" does."""
        edited = {**message, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        return self.server.push_update({"edited_message": edited})

    def press(self, text: str) -> int:
        """Tap a reply-keyboard button: Telegram just sends its text."""
        return self.send_text(text)

    def send_contact(self, phone_number: str, own: bool = True) -> int:
        """Share a contact; ``own`` mimics a request_contact button (user_id is the sender's)."""
        contact: dict[str, Any] = {
            "phone_number": phone_number,
            "first_name": self.user["first_name"],
        }
        contact["user_id"] = self.user_id if own else self.user_id + 7_000_000
        if not own:
            contact["first_name"] = "Kontak Lain"
        return self._push_message({"contact": contact})

    def send_location(self, latitude: float, longitude: float) -> int:
        return self._push_message({"location": {"latitude": latitude, "longitude": longitude}})

    def send_photo(
        self, caption: str | None = None, data: bytes = b"", reply_to: dict[str, Any] | None = None
    ) -> int:
        """A photo in three sizes, downloadable through getFile; details in :attr:`last_photo`."""
        sizes = self.server.state.new_photo(data)
        content: dict[str, Any] = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        update_id = self._push_message(content, reply_to)
        message = self.server.state.messages(self.user_id)[-1]
        largest = sizes[-1]
        self.last_photo = SentPhoto(
            update_id, largest["file_id"], largest["file_unique_id"], message
        )
        return update_id

    def send_sticker(self, emoji: str = "👍") -> int:
        stored = self.server.state.new_file("sticker", mime_type="image/webp")
        sticker = {
            **_file_ids(stored.file_id, stored.file_unique_id),
            "type": "regular", "width": 512, "height": 512,
            "is_animated": False, "is_video": False, "emoji": emoji,
            "file_size": len(stored.data),
        }  # fmt: skip
        return self._push_message({"sticker": sticker})

    def send_document(
        self, file_name: str, mime_type: str, data: bytes = b"", caption: str | None = None
    ) -> int:
        stored = self.server.state.new_file("document", data, file_name, mime_type)
        document = {
            **_file_ids(stored.file_id, stored.file_unique_id),
            "file_name": file_name, "mime_type": mime_type, "file_size": len(stored.data),
        }  # fmt: skip
        content: dict[str, Any] = {"document": document}
        if caption is not None:
            content["caption"] = caption
        return self._push_message(content)

    def send_voice(self, duration: int = 3, data: bytes = b"") -> int:
        stored = self.server.state.new_file("voice", data, mime_type="audio/ogg")
        stored.duration = duration
        voice = {
            **_file_ids(stored.file_id, stored.file_unique_id),
            "duration": duration, "mime_type": "audio/ogg", "file_size": len(stored.data),
        }  # fmt: skip
        return self._push_message({"voice": voice})

    def click(self, message: dict[str, Any], button_text: str) -> int:
        """Press the inline button whose label contains ``button_text`` (case-insensitive).

        Buttons are looked up on the message as it is *now* on the server, so clicking a
        button that an edit removed, or one on a deleted message, fails like it would for a user.
        """
        current = self._current(message)
        buttons = [
            b for row in current.get("reply_markup", {}).get("inline_keyboard", []) for b in row
        ]
        wanted = button_text.casefold()
        exact = [b for b in buttons if b["text"].casefold() == wanted]
        partial = [b for b in buttons if wanted in b["text"].casefold()]
        matches = exact or partial
        labels = [b["text"] for b in buttons]
        if len(matches) != 1:
            problem = "is ambiguous" if matches else "matches no button"
            raise AssertionError(f"{button_text!r} {problem}; buttons are {labels}")
        if "callback_data" not in matches[0]:
            raise AssertionError(
                f"button {matches[0]['text']!r} has no callback_data: {matches[0]}"
            )
        return self._push_callback(current, str(matches[0]["callback_data"]))

    def click_data(self, message: dict[str, Any], data: str) -> int:
        """Send arbitrary callback data for ``message``, as a forged or stale button would."""
        return self._push_callback(self._current(message), data)

    def _current(self, message: dict[str, Any]) -> dict[str, Any]:
        chat_id, message_id = int(message["chat"]["id"]), int(message["message_id"])
        current = self.server.state.find(chat_id, message_id)
        if current is None:
            raise AssertionError(f"message #{message_id} in chat {chat_id} is gone (deleted?)")
        return current

    def _push_callback(self, message: dict[str, Any], data: str) -> int:
        query = {
            "id": str(secrets.randbelow(10**19)),
            "from": dict(self.user),
            "message": message,
            "chat_instance": self._chat_instance,
            "data": data,
        }
        return self.server.push_update({"callback_query": query})

    def _push_message(self, content: dict[str, Any], reply_to: dict[str, Any] | None = None) -> int:
        message = {
            "message_id": self.server.state.next_message_id(self.user_id),
            "from": dict(self.user),
            "chat": self.chat,
            "date": int(time.time()),
            **content,
        }
        if reply_to is not None:
            # Telegram includes the replied-to message, without its own reply_to_message.
            current = self._current(reply_to)
            message["reply_to_message"] = {
                k: v for k, v in current.items() if k != "reply_to_message"
            }
        return self.server.push_update({"message": message})


def _file_ids(file_id: str, file_unique_id: str) -> dict[str, str]:
    return {"file_id": file_id, "file_unique_id": file_unique_id}
