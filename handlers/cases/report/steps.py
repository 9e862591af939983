"""The steps of a case report, what kind of answer each expects, and the order they come in."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from bot.cases.draft import Draft


class Step(IntEnum):
    CATEGORY_GROUP = 0
    CATEGORY = 1
    NAME = 2
    NIK = 3
    NO_NIK_REASON = 4
    SEX = 5
    AGE = 6
    KECAMATAN = 7
    KELURAHAN = 8
    ADDRESS = 9
    LOCATION = 10
    DESCRIPTION = 11
    URGENCY = 12
    PHOTOS = 13
    REVIEW = 14
    CONFIRM_CANCEL = 15


class Expects(StrEnum):
    TEXT = "text"
    BUTTON = "button"
    LOCATION = "location"
    PHOTO = "photo"


EXPECTS = {
    Step.NAME: Expects.TEXT,
    Step.NIK: Expects.TEXT,
    Step.NO_NIK_REASON: Expects.TEXT,
    Step.AGE: Expects.TEXT,
    Step.ADDRESS: Expects.TEXT,
    Step.DESCRIPTION: Expects.TEXT,
    Step.LOCATION: Expects.LOCATION,
    Step.PHOTOS: Expects.PHOTO,
}

# Where an edit from the review starts; answering it (and its follow-up) returns to the review.
EDITABLE = {
    "category": Step.CATEGORY_GROUP,
    "name": Step.NAME,
    "nik": Step.NIK,
    "sex": Step.SEX,
    "age": Step.AGE,
    "place": Step.KECAMATAN,
    "address": Step.ADDRESS,
    "gps": Step.LOCATION,
    "description": Step.DESCRIPTION,
    "urgency": Step.URGENCY,
    "photos": Step.PHOTOS,
}


def expects(step: Step) -> Expects:
    return EXPECTS.get(step, Expects.BUTTON)


def next_step(done: Step, draft: Draft) -> Step:
    """The step after `done`: a two-part answer finishes first, an edit goes back to the review."""
    if done == Step.CATEGORY_GROUP:
        return Step.CATEGORY
    if done == Step.KECAMATAN:
        return Step.KELURAHAN
    if done == Step.NIK and draft.nik_token is None:
        return Step.NO_NIK_REASON
    if draft.editing or done >= Step.PHOTOS:
        return Step.REVIEW
    following = Step(done + 1)
    # A valid NIK already told sex and birth date, and needs no reason for its absence.
    while draft.nik_token and following in (Step.NO_NIK_REASON, Step.SEX, Step.AGE):
        following = Step(following + 1)
    return following
