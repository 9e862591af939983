"""Voice notes and documents: as they arrive in a message, refused kindly, offered on a case."""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, Message

from bot.cases.attachments import MAX_BYTES, Held, Refused, checked, length
from bot.cases.buttons import CaseFiles
from bot.runtime.context import BotContext
from storage.attachments import AttachmentKind


def held_from(message: Message) -> Held:
    """The voice note or document of `message`, checked (Refused when over a limit)."""
    if message.voice is not None:
        voice = message.voice
        return checked(
            Held(
                AttachmentKind.VOICE,
                voice.file_id,
                voice.file_unique_id,
                voice.file_size,
                voice.mime_type,
                duration=_seconds(voice.duration),
            )
        )
    document = message.document
    assert document is not None, "only voice notes and documents are held"
    return checked(
        Held(
            AttachmentKind.DOCUMENT,
            document.file_id,
            document.file_unique_id,
            document.file_size,
            document.mime_type,
            document.file_name,
        )
    )


def refusal(context: BotContext, refused: Refused) -> str:
    """Why a file was refused, naming the limit."""
    return context.t(str(refused), max_mb=MAX_BYTES // (1024 * 1024))


def voice_text(context: BotContext, held: Held) -> str:
    """What the text field records for a voice note, so lists and exports stay readable."""
    return context.t("voice-note-text", length=length(held.duration))


def _seconds(duration: int | timedelta) -> int:
    # PTB 22 gives an int, or a timedelta where PTB_TIMEDELTA asks for the coming behaviour.
    return int(duration.total_seconds()) if isinstance(duration, timedelta) else int(duration)


# The case card's buttons, in this order, for the kinds the case has.
FILE_BUTTONS = {
    AttachmentKind.VOICE: "button-case-voice",
    AttachmentKind.DOCUMENT: "button-case-documents",
}


def file_buttons(
    context: BotContext, case_id: int, counts: dict[str, int]
) -> list[list[InlineKeyboardButton]]:
    """'▶️ voice notes (n)' and '📎 documents (n)' for a case that has them."""
    return [
        [
            InlineKeyboardButton(
                context.t(key, count=counts[kind]), callback_data=CaseFiles(case_id, kind).encode()
            )
        ]
        for kind, key in FILE_BUTTONS.items()
        if counts.get(kind)
    ]
