"""The /pengumuman composing conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.announcements.buttons import AnnouncementCard, Card
from handlers.announcements import compose, finish, reschedule
from handlers.announcements.flow import ANNOUNCE, Compose
from handlers.wizard import TYPED

FLYER = filters.PHOTO | filters.Document.ALL
RESCHEDULE = AnnouncementCard.pattern(action=Card.RESCHEDULE)


def build_compose_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent conversation that composes announcements and changes their time."""
    b = ANNOUNCE.button
    return ANNOUNCE.conversation(
        entry_points=[
            b(compose.start_compose, "new"),
            CallbackQueryHandler(reschedule.start_reschedule, pattern=RESCHEDULE),
        ],
        states={
            Compose.TITLE: [MessageHandler(TYPED, compose.enter_title)],
            Compose.BODY: [
                MessageHandler(TYPED, compose.enter_body),
                MessageHandler(FLYER, compose.attach_flyer),
            ],
            Compose.STARTS_AT: [MessageHandler(TYPED, compose.enter_start)],
            Compose.VENUE: [MessageHandler(TYPED, compose.enter_venue)],
            Compose.AUDIENCE: [b(compose.choose_audience, "aud", r"\w+")],
            Compose.KECAMATAN: [
                b(compose.kecamatan_done, "done"),
                b(compose.toggle_kecamatan, "kec", r"\d+"),
            ],
            Compose.SEND_AT: [
                b(compose.send_now, "now"),
                MessageHandler(TYPED, compose.enter_send_time),
            ],
            Compose.PREVIEW: [b(finish.submit, "ok"), b(finish.discard, "no")],
            Compose.NEW_TIME: [MessageHandler(TYPED, reschedule.enter_new_time)],
        },
        fallbacks=[
            CommandHandler("batal", finish.discard),
            b(finish.preview_only, "pv"),
            CallbackQueryHandler(finish.busy, pattern=RESCHEDULE),
        ],
        command="pengumuman",
    )
