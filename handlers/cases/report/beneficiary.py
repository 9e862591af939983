"""Steps about who the case is about: category, name, NIK, sex, age."""

from __future__ import annotations

from telegram import Update

from bot.cases.nik import InvalidNik, NikProblem, mask_nik, parse_nik
from bot.runtime.answers import (
    REASON_LENGTH,
    BadAnswer,
    age_or_birth_date,
    bounded_text,
    person_name,
)
from bot.runtime.context import BotContext
from handlers.cases.report.buttons import Category, CategoryGroup, NoNikReason, SexChoice
from handlers.cases.report.flow import REPORT
from handlers.cases.report.steps import Step
from handlers.replies import mark_chosen, remove_from_chat, typed_text


async def choose_group(update: Update, context: BotContext) -> Step:
    """Open one group of PPKS categories."""
    with REPORT.edit(context) as draft:
        draft.category_group = REPORT.tapped(update, CategoryGroup).group
    await mark_chosen(update, context.t(f"category-group-{draft.category_group}"))
    return await REPORT.proceed(update, context, Step.CATEGORY_GROUP)


async def back_to_groups(update: Update, context: BotContext) -> Step:
    """Go back from a group's categories to the list of groups."""
    await mark_chosen(update, context.t("button-back"))
    return await REPORT.ask(update, context, Step.CATEGORY_GROUP)


async def choose_category(update: Update, context: BotContext) -> Step:
    """Record the PPKS category."""
    category = context.services.categories.get(REPORT.tapped(update, Category).code)
    if category is None:
        return await REPORT.stale_button(update, context)
    with REPORT.edit(context) as draft:
        draft.category = category.code
    await mark_chosen(update, category.name(context.locale))
    return await REPORT.proceed(update, context, Step.CATEGORY)


async def enter_name(update: Update, context: BotContext) -> Step:
    """Record the beneficiary's name."""
    with REPORT.edit(context) as draft:
        draft.name = person_name(typed_text(update))
    return await REPORT.proceed(update, context, Step.NAME)


async def enter_nik(update: Update, context: BotContext) -> Step:
    """Check the NIK, keep it only encrypted, take sex and birth date from it, and delete the
    message that held it (16 digits with a typo are most likely a real NIK too)."""
    try:
        info = parse_nik(typed_text(update), context.services.today())
    except InvalidNik as bad:
        if bad.problem is not NikProblem.LENGTH:
            await remove_from_chat(update.message)
        raise BadAnswer(f"nik-invalid-{bad.problem.value}") from None
    with REPORT.edit(context) as draft:
        draft.nik_token = context.services.cipher.encrypt(info.nik)
        draft.nik_masked = mask_nik(info.nik)
        draft.nik_sex, draft.nik_birth_date = info.sex, info.birth_date.isoformat()
        draft.sex, draft.birth_date = info.sex, draft.nik_birth_date
        draft.age, draft.age_unknown, draft.no_nik_reason = None, False, None
    born = info.birth_date.strftime("%d-%m-%Y")
    sex = context.t(f"sex-{info.sex}")
    note = context.t("report-nik-ok", nik=draft.nik_masked, sex=sex, born=born)
    step = await REPORT.proceed(update, context, Step.NIK, note)
    # After the answer is committed: a kill before this line leaves the NIK in the chat, never
    # a NIK deleted but not kept.
    await remove_from_chat(update.message)
    return step


async def no_nik(update: Update, context: BotContext) -> Step:
    """Report without a NIK; the reason is asked next."""
    with REPORT.edit(context) as draft:
        draft.nik_token = draft.nik_masked = draft.nik_sex = draft.nik_birth_date = None
    await mark_chosen(update, context.t("button-no-nik"))
    return await REPORT.proceed(update, context, Step.NIK)


async def no_nik_reason(update: Update, context: BotContext) -> Step:
    """Record why there is no NIK, from a button or typed."""
    if update.callback_query:
        reason = REPORT.tapped(update, NoNikReason).reason
        await mark_chosen(update, context.t(f"no-nik-{reason}"))
    else:
        reason = bounded_text(typed_text(update), REASON_LENGTH, "reason")
    with REPORT.edit(context) as draft:
        draft.no_nik_reason = reason
    return await REPORT.proceed(update, context, Step.NO_NIK_REASON)


async def choose_sex(update: Update, context: BotContext) -> Step:
    """Record the beneficiary's sex."""
    with REPORT.edit(context) as draft:
        draft.sex = REPORT.tapped(update, SexChoice).sex.value
    await mark_chosen(update, context.t(f"sex-{draft.sex}"))
    return await REPORT.proceed(update, context, Step.SEX)


async def enter_age(update: Update, context: BotContext) -> Step:
    """Record an age in years or a birth date, or that it is unknown."""
    with REPORT.edit(context) as draft:
        if update.callback_query:
            draft.age, draft.birth_date, draft.age_unknown = None, None, True
        else:
            answer = age_or_birth_date(typed_text(update), context.services.today())
            draft.age, draft.age_unknown = answer.age, False
            draft.birth_date = answer.birth_date.isoformat() if answer.birth_date else None
    if update.callback_query:
        await mark_chosen(update, context.t("button-age-unknown"))
    return await REPORT.proceed(update, context, Step.AGE)
