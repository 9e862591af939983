"""The /lapor conversation: which handler answers which step."""

from __future__ import annotations

from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.runtime.texts import Texts
from handlers.cases.report import beneficiary as who
from handlers.cases.report import details, place, review
from handlers.cases.report.steps import Step
from handlers.cases.report.wrong_input import (
    already_reporting,
    help_in_report,
    stale_button,
    wrong_input,
)

TYPED = filters.TEXT & ~filters.COMMAND


def _button(callback: object, pattern: str) -> CallbackQueryHandler:  # type: ignore[type-arg]
    return CallbackQueryHandler(callback, pattern=f"^r:{pattern}$")  # type: ignore[arg-type]


def build_report_conversation(texts: Texts) -> ConversationHandler:  # type: ignore[type-arg]
    """Build the persistent report conversation; `texts` gives the localised Skip label."""
    skip_labels = filters.Text(sorted(texts.all_labels("button-skip")))
    states: dict[object, list[BaseHandler]] = {  # type: ignore[type-arg]
        Step.CATEGORY_GROUP: [_button(who.choose_group, r"grp:\w+")],
        Step.CATEGORY: [
            _button(who.choose_category, r"cat:\d+"),
            _button(who.back_to_groups, "back"),
        ],
        Step.NAME: [MessageHandler(TYPED, who.enter_name)],
        Step.NIK: [MessageHandler(TYPED, who.enter_nik), _button(who.no_nik, "nonik")],
        Step.NO_NIK_REASON: [
            MessageHandler(TYPED, who.no_nik_reason),
            _button(who.no_nik_reason, r"nikr:\w+"),
        ],
        Step.SEX: [_button(who.choose_sex, "sex:[LP]")],
        Step.AGE: [MessageHandler(TYPED, who.enter_age), _button(who.enter_age, "age:unknown")],
        Step.KECAMATAN: [
            _button(place.choose_kecamatan, r"kec:\d+"),
            _button(place.choose_own_kelurahan, "kelme"),
        ],
        Step.KELURAHAN: [
            _button(place.choose_kelurahan, r"kel:\d+"),
            _button(place.back_to_kecamatan, "back"),
        ],
        Step.ADDRESS: [MessageHandler(TYPED, place.enter_address)],
        Step.LOCATION: [
            MessageHandler(filters.LOCATION, place.share_location),
            MessageHandler(skip_labels, place.skip_location),
        ],
        Step.DESCRIPTION: [MessageHandler(TYPED, details.enter_description)],
        Step.URGENCY: [_button(details.choose_urgency, r"urg:\w+")],
        Step.PHOTOS: [
            MessageHandler(filters.PHOTO | filters.Document.IMAGE, details.add_photo),
            _button(details.photos_done, "photos:done"),
            _button(details.photos_clear, "photos:clear"),
        ],
        Step.REVIEW: [
            _button(review.edit_field, r"edit:\w+"),
            _button(review.submit, "submit"),
            _button(review.ask_cancel, "cancel"),
        ],
        Step.CONFIRM_CANCEL: [
            _button(review.confirm_cancel, "cancel:yes"),
            _button(review.keep_going, "cancel:no"),
        ],
    }
    return ConversationHandler(
        entry_points=[CommandHandler("lapor", review.start_report)],
        states=states,
        fallbacks=[
            CommandHandler("batal", review.ask_cancel),
            CommandHandler("bantuan", help_in_report),
            CommandHandler("lapor", already_reporting),
            CallbackQueryHandler(stale_button, pattern="^r:"),
            MessageHandler(filters.ALL, wrong_input),
        ],
        name="report",
        persistent=True,
        allow_reentry=False,
    )
