"""Starting, reviewing, editing, submitting and cancelling a report."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import ConversationHandler

from bot.cases.draft import Draft
from bot.cases.submit import IncompleteDraft, submit_case
from bot.people.directory import get_user
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.cases.report.notify import notify_reviewers
from handlers.cases.report.prompts import ask
from handlers.cases.report.steps import EDITABLE, Step
from handlers.replies import mark_chosen

# Which step to reopen when the service finds a required answer missing.
MISSING = {
    "category": Step.CATEGORY_GROUP,
    "name": Step.NAME,
    "sex": Step.SEX,
    "kecamatan": Step.KECAMATAN,
    "kelurahan": Step.KECAMATAN,
    "address": Step.ADDRESS,
    "description": Step.DESCRIPTION,
    "urgency": Step.URGENCY,
}


async def start_report(update: Update, context: BotContext) -> Step | int:
    """Start a new report for an active user."""
    user = await active_user_or_explain(update, context)
    if user is None:
        return ConversationHandler.END
    context.draft = Draft(home_kelurahan=user.kelurahan_code)
    assert update.message is not None
    await update.message.reply_text(context.t("report-intro"), reply_markup=ReplyKeyboardRemove())
    return await ask(update, context, Step.CATEGORY_GROUP)


async def edit_field(update: Update, context: BotContext) -> Step:
    """Reopen one answer from the review; answering it comes back here."""
    assert update.callback_query is not None and update.callback_query.data is not None
    field = update.callback_query.data.rsplit(":", 1)[-1]
    if field not in EDITABLE:
        return await ask(update, context, Step.REVIEW, context.t("wrong-stale-button"))
    draft = context.draft
    draft.editing = True
    context.draft = draft
    await mark_chosen(update, context.t(f"edit-{field}"))
    return await ask(update, context, EDITABLE[field])


async def submit(update: Update, context: BotContext) -> Step | int:
    """Save the case in one transaction, then confirm with its number and tell the reviewers."""
    draft, services = context.draft, context.services
    assert update.effective_user is not None
    try:
        async with services.sessions.begin() as session:
            reporter = await get_user(session, update.effective_user.id)
            assert reporter is not None, "only active users reach the review"
            now = services.clock.now().astimezone(services.settings.tz)
            result = await submit_case(session, draft, reporter, services.settings, now)
    except IncompleteDraft as missing:
        return await ask(update, context, MISSING[str(missing)], context.t("report-missing"))
    context.draft = None
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("report-saved", number=result.case.number)
    )
    if result.created:
        await notify_reviewers(context, result.case, draft, reporter)
    return ConversationHandler.END


async def ask_cancel(update: Update, context: BotContext) -> Step:
    """Ask before throwing a report away."""
    if update.callback_query:
        await mark_chosen(update, context.t("button-cancel-report"))
    draft = context.draft
    draft.resume_step = draft.step if draft.step != Step.CONFIRM_CANCEL else draft.resume_step
    context.draft = draft
    return await ask(update, context, Step.CONFIRM_CANCEL)


async def confirm_cancel(update: Update, context: BotContext) -> int:
    """Throw the report away."""
    await mark_chosen(update, context.t("button-cancel-yes"))
    context.draft = None
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("report-cancelled"), reply_markup=ReplyKeyboardRemove()
    )
    return ConversationHandler.END


async def keep_going(update: Update, context: BotContext) -> Step:
    """Return to the step the PSM was at before /batal."""
    await mark_chosen(update, context.t("button-cancel-no"))
    return await ask(update, context, Step(context.draft.resume_step or Step.CATEGORY_GROUP))
