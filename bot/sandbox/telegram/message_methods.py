"""Bot API methods that create, edit or delete messages, implemented over :class:`ChatState`."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

from .bot_api_limits import MAX_DOWNLOAD_BYTES, render
from .bot_api_schema import UploadedFile
from .chat_state import ApiError, ChatState, Handler, Params, Uploads

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
# Keys that describe a message's envelope rather than its content (not copied by copyMessage).
_ENVELOPE = {
    "message_id", "from", "chat", "date", "edit_date", "reply_markup", "reply_to_message",
    "forward_origin", "media_group_id", "message_thread_id",
}  # fmt: skip
_CAPTIONED = {"photo", "document", "video", "audio", "animation", "voice"}


class MessageMethods:
    """One method per Bot API call; each returns the JSON ``result`` or raises ApiError."""

    def __init__(self, state: ChatState) -> None:
        self.state = state

    def routes(self) -> dict[str, Handler]:
        return {
            "sendMessage": self.send_message, "sendPhoto": self.send_photo,
            "sendDocument": self.send_document, "sendVoice": self.send_voice,
            "sendLocation": self.send_location,
            "sendMediaGroup": self.send_media_group, "copyMessage": self.copy_message,
            "forwardMessage": self.forward_message, "editMessageText": self.edit_message_text,
            "editMessageCaption": self.edit_message_caption,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message, "getFile": self.get_file,
        }  # fmt: skip

    def send_message(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        return self._send(p, **_text(p["text"], p.get("parse_mode"), p.get("entities")))

    def send_photo(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        return self._send(p, photo=self._photo(p["photo"], uploads), **_caption(p))

    def send_document(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        return self._send(p, document=self._document(p["document"], uploads), **_caption(p))

    def send_voice(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        return self._send(p, voice=self._voice(p["voice"], uploads), **_caption(p))

    def send_location(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
        return self._send(p, location=location)

    def send_media_group(self, p: Params, uploads: Uploads) -> list[dict[str, Any]]:
        group_id = str(secrets.randbelow(10**18))
        sent = []
        for item in p["media"]:
            media: dict[str, Any]
            if item["type"] == "photo":
                media = {"photo": self._photo(item["media"], uploads)}
            else:
                media = {"document": self._document(item["media"], uploads)}
            sent.append(self._send(p, media_group_id=group_id, **media, **_caption(item)))
        return sent

    def copy_message(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        source = self._source(p, "copy")
        content = {k: copy.deepcopy(v) for k, v in source.items() if k not in _ENVELOPE}
        if "caption" in p:  # a new caption, possibly empty, replaces the original one
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content.update(_caption(p))
        return {"message_id": self._send(p, **content)["message_id"]}

    def forward_message(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        source = self._source(p, "forward")
        content = {k: copy.deepcopy(v) for k, v in source.items() if k not in _ENVELOPE}
        origin = {"type": "user", "sender_user": source["from"], "date": source["date"]}
        return self._send({"chat_id": p["chat_id"]}, forward_origin=origin, **content)

    def edit_message_text(self, p: Params, uploads: Uploads) -> dict[str, Any] | bool:
        message = self._editable(p)
        if message is None:
            return True  # inline messages are not tracked
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        if p.get("text") is None:
            raise ApiError(400, "Bad Request: message text is empty")
        content = _text(p["text"], p.get("parse_mode"), p.get("entities"))
        return _apply_edit(message, content, p.get("reply_markup"))

    def edit_message_caption(self, p: Params, uploads: Uploads) -> dict[str, Any] | bool:
        message = self._editable(p)
        if message is None:
            return True
        if not _CAPTIONED & message.keys():
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        content = {"caption": None, "caption_entities": None, **_caption(p)}
        return _apply_edit(message, content, p.get("reply_markup"))

    def edit_message_reply_markup(self, p: Params, uploads: Uploads) -> dict[str, Any] | bool:
        message = self._editable(p)
        if message is None:
            return True
        content = {k: message.get(k) for k in ("text", "entities", "caption", "caption_entities")}
        return _apply_edit(message, content, p.get("reply_markup"))

    def delete_message(self, p: Params, uploads: Uploads) -> bool:
        if not self.state.delete(_chat_id(p["chat_id"]), int(p["message_id"])):
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def get_file(self, p: Params, uploads: Uploads) -> dict[str, Any]:
        stored = self.state.files.get(str(p["file_id"]))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD_BYTES:
            raise ApiError(400, "Bad Request: file is too big")
        return stored.as_file()

    def _send(self, p: Params, **content: Any) -> dict[str, Any]:
        chat_id = _chat_id(p["chat_id"])
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            # Reply keyboards are not echoed back in the Message; inline ones are.
            content["reply_markup"] = copy.deepcopy(markup)
        reply = p.get("reply_parameters")
        if isinstance(reply, dict):
            target = self.state.find(
                _chat_id(reply.get("chat_id", chat_id)), int(reply["message_id"])
            )
            if target is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if target is not None:
                content["reply_to_message"] = {
                    k: v for k, v in target.items() if k != "reply_to_message"
                }
        message = self.state.new_message(chat_id, self.state.bot_user, **content)
        return copy.deepcopy(message)

    def _source(self, p: Params, verb: str) -> dict[str, Any]:
        source = self.state.find(_chat_id(p["from_chat_id"]), int(p["message_id"]))
        if source is None:
            raise ApiError(400, f"Bad Request: message to {verb} not found")
        return source

    def _editable(self, p: Params) -> dict[str, Any] | None:
        if p.get("inline_message_id"):
            return None
        if p.get("chat_id") is None or p.get("message_id") is None:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        message = self.state.find(_chat_id(p["chat_id"]), int(p["message_id"]))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.state.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _file(self, value: Any, uploads: Uploads, kind: str) -> tuple[Any, UploadedFile | None]:
        """Resolve an InputFile/String parameter to a known file id or fresh upload bytes."""
        if isinstance(value, str) and value.startswith("attach://"):
            value = uploads.get(value.removeprefix("attach://"))
            if value is None:
                raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        if isinstance(value, UploadedFile):
            return None, value
        if str(value).lower().startswith(("http://", "https://")):
            return None, UploadedFile(str(value).rsplit("/", 1)[-1] or "file", "", b"")
        stored = self.state.files.get(str(value))
        if stored is None:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise ApiError(400, "Bad Request: type of file mismatch")
        return stored.file_id, None

    def _photo(self, value: Any, uploads: Uploads) -> list[dict[str, Any]]:
        file_id, upload = self._file(value, uploads, "photo")
        if file_id is not None:  # resending keeps file_unique_id, as on Telegram
            return copy.deepcopy(self.state.photo_groups[file_id])
        return self.state.new_photo(upload.data if upload else b"")

    def _voice(self, value: Any, uploads: Uploads) -> dict[str, Any]:
        file_id, upload = self._file(value, uploads, "voice")
        fresh = upload.data if upload else b""  # a file id (resent) or an upload
        stored = self.state.files[file_id] if file_id else self.state.new_file("voice", fresh)
        return {
            "file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "duration": stored.duration, "mime_type": "audio/ogg", "file_size": len(stored.data),
        }  # fmt: skip

    def _document(self, value: Any, uploads: Uploads) -> dict[str, Any]:
        file_id, upload = self._file(value, uploads, "document")
        if file_id is not None:
            stored = self.state.files[file_id]
        else:
            assert upload is not None
            name, mime = upload.filename, upload.content_type or "application/octet-stream"
            stored = self.state.new_file("document", upload.data, name, mime)
        document: dict[str, Any] = {
            "file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name, "mime_type": stored.mime_type,
            "file_size": len(stored.data),
        }  # fmt: skip
        return {k: v for k, v in document.items() if v is not None}


def _chat_id(value: Any) -> int:
    text = str(value)
    if not text.lstrip("-").isdigit():
        raise ApiError(400, "Bad Request: chat not found")  # @usernames are not simulated
    return int(text)


def _text(text: Any, parse_mode: Any, entities: Any) -> dict[str, Any]:
    shown = render(str(text), parse_mode)
    return {"text": shown.text, "entities": entities or shown.entities or None}


def _caption(p: Params) -> dict[str, Any]:
    if not p.get("caption"):
        return {}  # Telegram treats an empty caption as none
    shown = render(str(p["caption"]), p.get("parse_mode"))
    return {
        "caption": shown.text,
        "caption_entities": p.get("caption_entities") or shown.entities or None,
    }


def _apply_edit(message: dict[str, Any], content: dict[str, Any], markup: Any) -> dict[str, Any]:
    """Edit in place; like Telegram, an edit without reply_markup removes the keyboard."""
    after = {k: v or None for k, v in {**content, "reply_markup": copy.deepcopy(markup)}.items()}
    before = {k: message.get(k) or None for k in after}
    if before == after:
        raise ApiError(400, NOT_MODIFIED)
    for key, value in after.items():
        if value is None:
            message.pop(key, None)
        else:
            message[key] = value
    message["edit_date"] = int(time.time())
    return copy.deepcopy(message)
