"""The /lapor conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.runtime.texts import Texts
from handlers.cases.report import beneficiary as who
from handlers.cases.report import details, files, place, review
from handlers.cases.report.buttons import (
    Act,
    AgeUnknown,
    CancelAnswer,
    Category,
    CategoryGroup,
    EditAnswer,
    Kecamatan,
    Kelurahan,
    NoNikReason,
    Photos,
    PhotosAct,
    SexChoice,
    Tap,
    Urgent,
)
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.keyboards import YesNo
from handlers.wizard import TYPED

IMAGES = filters.PHOTO | filters.Document.IMAGE


def build_report_conversation(texts: Texts) -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent report conversation; `texts` gives the localised Skip label."""
    skip_labels = filters.Text(sorted(texts.all_labels("button-skip")))
    b = REPORT.button
    return REPORT.conversation(
        entry_points=[CommandHandler("lapor", review.start_report)],
        states={
            Step.CATEGORY_GROUP: [b(who.choose_group, CategoryGroup)],
            Step.CATEGORY: [
                b(who.choose_category, Category),
                b(who.back_to_groups, Tap, act=Act.BACK),
            ],
            Step.NAME: [MessageHandler(TYPED, who.enter_name)],
            Step.NIK: [MessageHandler(TYPED, who.enter_nik), b(who.no_nik, Tap, act=Act.NO_NIK)],
            Step.NO_NIK_REASON: [
                MessageHandler(TYPED, who.no_nik_reason),
                b(who.no_nik_reason, NoNikReason),
            ],
            Step.SEX: [b(who.choose_sex, SexChoice)],
            Step.AGE: [MessageHandler(TYPED, who.enter_age), b(who.enter_age, AgeUnknown)],
            Step.KECAMATAN: [
                b(place.choose_kecamatan, Kecamatan),
                b(place.choose_own_kelurahan, Tap, act=Act.OWN_KELURAHAN),
            ],
            Step.KELURAHAN: [
                b(place.choose_kelurahan, Kelurahan),
                b(place.back_to_kecamatan, Tap, act=Act.BACK),
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
            Step.URGENCY: [b(details.choose_urgency, Urgent)],
            Step.PHOTOS: [
                MessageHandler(IMAGES, details.add_photo),
                MessageHandler(filters.Document.PDF, files.add_document),
                MessageHandler(filters.Document.ALL, details.not_an_image),
                b(details.photos_done, Photos, act=PhotosAct.DONE),
                b(details.photos_clear, Photos, act=PhotosAct.CLEAR),
            ],
            Step.REVIEW: [
                b(review.edit_field, EditAnswer),
                b(review.submit, Tap, act=Act.SUBMIT),
                b(review.ask_cancel, Tap, act=Act.CANCEL),
            ],
            Step.CONFIRM_CANCEL: [
                b(review.confirm_cancel, CancelAnswer, answer=YesNo.YES),
                b(review.keep_going, CancelAnswer, answer=YesNo.NO),
            ],
        },
        fallbacks=[
            CommandHandler("batal", review.ask_cancel),
            CommandHandler("bantuan", review.help_in_report),
        ],
        command="lapor",
    )
