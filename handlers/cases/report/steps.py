"""The steps of a case report, what each expects, and the order they come in."""

from __future__ import annotations

from enum import IntEnum

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


# What a step that is not answered with a button needs, as a catalog text.
NEEDS = {
    Step.NAME: "wrong-need-text",
    Step.NIK: "wrong-need-text",
    Step.NO_NIK_REASON: "wrong-need-text",
    Step.AGE: "wrong-need-text",
    Step.ADDRESS: "wrong-need-text",
    Step.DESCRIPTION: "wrong-need-text-or-voice",
    Step.LOCATION: "wrong-need-location",
    Step.PHOTOS: "wrong-need-photo",
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
