"""The /pengumuman composing conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.announcements import compose, finish, reschedule
from handlers.announcements import wrong_input as wrong
from handlers.announcements.prompts import Compose

TYPED = filters.TEXT & ~filters.COMMAND
FLYER = filters.PHOTO | filters.Document.ALL
RESCHEDULE = r"^am:rs:\d+$"


def _button(callback: object, pattern: str) -> CallbackQueryHandler:  # type: ignore[type-arg]
    return CallbackQueryHandler(callback, pattern=f"^an:{pattern}$")  # type: ignore[arg-type]


def build_compose_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent conversation that composes announcements and changes their time."""
    states: dict[object, list[BaseHandler]] = {  # type: ignore[type-arg]
        Compose.TITLE: [MessageHandler(TYPED, compose.enter_title)],
        Compose.BODY: [
            MessageHandler(TYPED, compose.enter_body),
            MessageHandler(FLYER, compose.attach_flyer),
        ],
        Compose.STARTS_AT: [MessageHandler(TYPED, compose.enter_start)],
        Compose.VENUE: [MessageHandler(TYPED, compose.enter_venue)],
        Compose.AUDIENCE: [_button(compose.choose_audience, r"aud:\w+")],
        Compose.KECAMATAN: [
            _button(compose.kecamatan_done, "kec:done"),
            _button(compose.toggle_kecamatan, r"kec:\d+"),
        ],
        Compose.SEND_AT: [
            _button(compose.send_now, "now"),
            MessageHandler(TYPED, compose.enter_send_time),
        ],
        Compose.PREVIEW: [_button(finish.submit, "ok"), _button(finish.discard, "no")],
        Compose.NEW_TIME: [MessageHandler(TYPED, reschedule.enter_new_time)],
    }
    return ConversationHandler(
        entry_points=[
            _button(compose.start_compose, "new"),
            CallbackQueryHandler(reschedule.start_reschedule, pattern=RESCHEDULE),
        ],
        states=states,
        fallbacks=[
            CommandHandler("batal", finish.discard),
            CommandHandler("pengumuman", wrong.resume),
            _button(finish.preview_only, "pv"),
            CallbackQueryHandler(wrong.busy, pattern=RESCHEDULE),
            CallbackQueryHandler(wrong.stale_button, pattern="^an:"),
            MessageHandler(filters.ALL, wrong.wrong_input),
        ],
        name="announcements",
        persistent=True,
        allow_reentry=False,
    )
