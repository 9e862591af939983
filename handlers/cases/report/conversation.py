"""The /lapor conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.runtime.texts import Texts
from handlers.cases.report import beneficiary as who
from handlers.cases.report import details, files, place, review
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.wizard import TYPED

IMAGES = filters.PHOTO | filters.Document.IMAGE


def build_report_conversation(texts: Texts) -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent report conversation; `texts` gives the localised Skip label."""
    skip_labels = filters.Text(sorted(texts.all_labels("button-skip")))
    b = REPORT.button
    return REPORT.conversation(
        entry_points=[CommandHandler("lapor", review.start_report)],
        states={
            Step.CATEGORY_GROUP: [b(who.choose_group, "grp", r"\w+")],
            Step.CATEGORY: [b(who.choose_category, "cat", r"\d+"), b(who.back_to_groups, "back")],
            Step.NAME: [MessageHandler(TYPED, who.enter_name)],
            Step.NIK: [MessageHandler(TYPED, who.enter_nik), b(who.no_nik, "nonik")],
            Step.NO_NIK_REASON: [
                MessageHandler(TYPED, who.no_nik_reason),
                b(who.no_nik_reason, "nikr", r"\w+"),
            ],
            Step.SEX: [b(who.choose_sex, "sex", "L|P")],
            Step.AGE: [MessageHandler(TYPED, who.enter_age), b(who.enter_age, "age", "unknown")],
            Step.KECAMATAN: [
                b(place.choose_kecamatan, "kec", r"\d+"),
                b(place.choose_own_kelurahan, "kelme"),
            ],
            Step.KELURAHAN: [
                b(place.choose_kelurahan, "kel", r"\d+"),
                b(place.back_to_kecamatan, "back"),
            ],
            Step.ADDRESS: [MessageHandler(TYPED, place.enter_address)],
            Step.LOCATION: [
                MessageHandler(filters.LOCATION, place.share_location),
                MessageHandler(skip_labels, place.skip_location),
            ],
            Step.DESCRIPTION: [
                MessageHandler(TYPED, details.enter_description),
                MessageHandler(filters.VOICE, files.enter_voice),
            ],
            Step.URGENCY: [b(details.choose_urgency, "urg", r"\w+")],
            Step.PHOTOS: [
                MessageHandler(IMAGES, details.add_photo),
                MessageHandler(filters.Document.PDF, files.add_document),
                MessageHandler(filters.Document.ALL, details.not_an_image),
                b(details.photos_done, "photos", "done"),
                b(details.photos_clear, "photos", "clear"),
            ],
            Step.REVIEW: [
                b(review.edit_field, "edit", r"\w+"),
                b(review.submit, "submit"),
                b(review.ask_cancel, "cancel"),
            ],
            Step.CONFIRM_CANCEL: [
                b(review.confirm_cancel, "cancel", "yes"),
                b(review.keep_going, "cancel", "no"),
            ],
        },
        fallbacks=[
            CommandHandler("batal", review.ask_cancel),
            CommandHandler("bantuan", review.help_in_report),
        ],
        command="lapor",
    )
