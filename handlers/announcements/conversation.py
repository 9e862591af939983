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
from handlers.announcements.flow import ANNOUNCE, Act, AudienceChoice, Compose, KecamatanTick, Tap
from handlers.wizard import TYPED

FLYER = filters.PHOTO | filters.Document.ALL
RESCHEDULE = AnnouncementCard.pattern(action=Card.RESCHEDULE)


def build_compose_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent conversation that composes announcements and changes their time."""
    b = ANNOUNCE.button
    return ANNOUNCE.conversation(
        entry_points=[
            b(compose.start_compose, Tap, act=Act.NEW),
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
            Compose.AUDIENCE: [b(compose.choose_audience, AudienceChoice)],
            Compose.KECAMATAN: [
                b(compose.kecamatan_done, Tap, act=Act.DONE),
                b(compose.toggle_kecamatan, KecamatanTick),
            ],
            Compose.SEND_AT: [
                b(compose.send_now, Tap, act=Act.NOW),
                MessageHandler(TYPED, compose.enter_send_time),
            ],
            Compose.PREVIEW: [
                b(finish.submit, Tap, act=Act.SUBMIT),
                b(finish.discard, Tap, act=Act.DISCARD),
            ],
            Compose.NEW_TIME: [MessageHandler(TYPED, reschedule.enter_new_time)],
        },
        fallbacks=[
            CommandHandler("batal", finish.discard),
            b(finish.preview_only, Tap, act=Act.PREVIEW),
            CallbackQueryHandler(finish.busy, pattern=RESCHEDULE),
        ],
        command="pengumuman",
    )
