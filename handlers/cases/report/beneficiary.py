"""Steps about who the case is about: category, name, NIK, sex, age."""

from __future__ import annotations

from telegram import Update

from bot.cases.nik import InvalidNik, mask_nik, parse_nik
from bot.runtime.answers import (
    REASON_LENGTH,
    BadAnswer,
    age_or_birth_date,
    bounded_text,
    person_name,
)
from bot.runtime.context import BotContext
from handlers.cases.report.prompts import ask, proceed
from handlers.cases.report.steps import Step
from handlers.replies import mark_chosen


def _choice(update: Update) -> str:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.rsplit(":", 1)[-1]


def _text(update: Update) -> str:
    assert update.message is not None and update.message.text is not None
    return update.message.text


async def choose_group(update: Update, context: BotContext) -> Step:
    """Open one group of PPKS categories."""
    draft = context.draft
    draft.category_group = _choice(update)
    context.draft = draft
    await mark_chosen(update, context.t(f"category-group-{draft.category_group}"))
    return await proceed(update, context, Step.CATEGORY_GROUP)


async def back_to_groups(update: Update, context: BotContext) -> Step:
    """Go back from a group's categories to the list of groups."""
    await mark_chosen(update, context.t("button-back"))
    return await ask(update, context, Step.CATEGORY_GROUP)


async def choose_category(update: Update, context: BotContext) -> Step:
    """Record the PPKS category."""
    category = context.services.categories.get(int(_choice(update)))
    if category is None:
        return await ask(update, context, Step.CATEGORY, context.t("wrong-stale-button"))
    draft = context.draft
    draft.category = category.code
    context.draft = draft
    await mark_chosen(update, category.name(context.locale))
    return await proceed(update, context, Step.CATEGORY)


async def enter_name(update: Update, context: BotContext) -> Step:
    """Record the beneficiary's name."""
    try:
        name = person_name(_text(update))
    except BadAnswer as bad:
        return await ask(update, context, Step.NAME, context.t(bad.key, **bad.args_))
    draft = context.draft
    draft.name = name
    context.draft = draft
    return await proceed(update, context, Step.NAME)


async def enter_nik(update: Update, context: BotContext) -> Step:
    """Check the NIK, keep it only encrypted, and take sex and birth date from it."""
    today = context.services.today()
    try:
        info = parse_nik(_text(update), today)
    except InvalidNik as bad:
        note = context.t(f"nik-invalid-{bad.problem.value}")
        return await ask(update, context, Step.NIK, note)
    draft = context.draft
    draft.nik_token = context.services.cipher.encrypt(info.nik)
    draft.nik_masked = mask_nik(info.nik)
    draft.nik_sex, draft.nik_birth_date = info.sex, info.birth_date.isoformat()
    draft.sex, draft.birth_date = info.sex, draft.nik_birth_date
    draft.age, draft.age_unknown, draft.no_nik_reason = None, False, None
    context.draft = draft
    born = info.birth_date.strftime("%d-%m-%Y")
    note = context.t(
        "report-nik-ok", nik=draft.nik_masked, sex=context.t(f"sex-{info.sex}"), born=born
    )
    return await proceed(update, context, Step.NIK, note)


async def no_nik(update: Update, context: BotContext) -> Step:
    """Report without a NIK; the reason is asked next."""
    draft = context.draft
    draft.nik_token = draft.nik_masked = draft.nik_sex = draft.nik_birth_date = None
    context.draft = draft
    await mark_chosen(update, context.t("button-no-nik"))
    return await proceed(update, context, Step.NIK)


async def no_nik_reason(update: Update, context: BotContext) -> Step:
    """Record why there is no NIK, from a button or typed."""
    if update.callback_query:
        reason = _choice(update)
        await mark_chosen(update, context.t(f"no-nik-{reason}"))
    else:
        try:
            reason = bounded_text(_text(update), REASON_LENGTH, "reason")
        except BadAnswer as bad:
            return await ask(update, context, Step.NO_NIK_REASON, context.t(bad.key, **bad.args_))
    draft = context.draft
    draft.no_nik_reason = reason
    context.draft = draft
    return await proceed(update, context, Step.NO_NIK_REASON)


async def choose_sex(update: Update, context: BotContext) -> Step:
    """Record the beneficiary's sex."""
    draft = context.draft
    draft.sex = _choice(update)
    context.draft = draft
    await mark_chosen(update, context.t(f"sex-{draft.sex}"))
    return await proceed(update, context, Step.SEX)


async def enter_age(update: Update, context: BotContext) -> Step:
    """Record an age in years or a birth date, or that it is unknown."""
    draft = context.draft
    if update.callback_query:
        draft.age, draft.birth_date, draft.age_unknown = None, None, True
        await mark_chosen(update, context.t("button-age-unknown"))
    else:
        try:
            answer = age_or_birth_date(_text(update), context.services.today())
        except BadAnswer as bad:
            return await ask(update, context, Step.AGE, context.t(bad.key, **bad.args_))
        draft.age, draft.age_unknown = answer.age, False
        draft.birth_date = answer.birth_date.isoformat() if answer.birth_date else None
    context.draft = draft
    return await proceed(update, context, Step.AGE)
