"""What one recipient receives, as stored in an outbox row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Buttons = list[list[tuple[str, str]]]


@dataclass
class Payload:
    """What one recipient receives: HTML text (the caption of a photo, document or voice)."""

    text: str
    photo: str | None = None
    document: str | None = None
    buttons: Buttons | None = None
    # Ids of files the bot made (bot/delivery/media.py), sent as one photo or an album.
    media: list[int] | None = None
    voice: str | None = None
    # [kind, campaign id] of the message this one follows (a case's voice note after its
    # alert): it waits while that one is still unsent to the same person.
    after: list[Any] | None = None
    # A map pin (latitude, longitude), sent as a location with no text.
    location: tuple[float, float] | None = None
    # The case the message is about: a reply to it adds to that case (bot/cases/replies.py).
    case_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        buttons = None
        if self.buttons:
            buttons = [
                [{"text": label, "callback_data": data} for label, data in row]
                for row in self.buttons
            ]
        return {
            "text": self.text,
            "photo": self.photo,
            "document": self.document,
            "buttons": buttons,
            "media": self.media,
            "voice": self.voice,
            "after": self.after,
            "location": list(self.location) if self.location else None,
            "case_id": self.case_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Payload:
        rows = data.get("buttons") or None
        location = data.get("location")
        return cls(
            text=data["text"],
            photo=data.get("photo"),
            document=data.get("document"),
            buttons=[[(b["text"], b["callback_data"]) for b in row] for row in rows]
            if rows
            else None,
            media=data.get("media") or None,
            voice=data.get("voice"),
            after=data.get("after"),
            location=(float(location[0]), float(location[1])) if location else None,
            case_id=data.get("case_id"),
        )
