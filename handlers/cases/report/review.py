"""Starting, reviewing, editing, submitting and cancelling a report."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import ConversationHandler

from bot.cases.attachments import Held, fetch_copies
from bot.cases.draft import Draft
from bot.cases.lifecycle import AccessDenied
from bot.cases.messages import CaseMessages
from bot.cases.repeats import links_for
from bot.cases.submit import IncompleteDraft, Submitted, submit_case
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.cases.report.buttons import EditAnswer
from handlers.cases.report.flow import REPORT
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
    busy = REPORT.busy_elsewhere(context)
    if busy is not None:
        assert update.message is not None
        await update.message.reply_text(busy)
        return ConversationHandler.END
    draft = Draft(home_kelurahan=user.kelurahan_code)
    intro = (context.t("report-intro"), ReplyKeyboardRemove())
    return await REPORT.begin(update, context, draft, Step.CATEGORY_GROUP, first=intro)


async def edit_field(update: Update, context: BotContext) -> Step:
    """Reopen one answer from the review; answering it comes back here."""
    field = REPORT.tapped(update, EditAnswer).field
    if field not in EDITABLE:
        return await REPORT.stale_button(update, context)
    with REPORT.edit(context) as draft:
        draft.editing = True
    await mark_chosen(update, context.t(f"edit-{field}"))
    return await REPORT.ask(update, context, EDITABLE[field])


async def submit(update: Update, context: BotContext) -> Step | int:
    """Save the case and its coordinators' alert in one transaction, then give its number."""
    draft, services = REPORT.draft(context), context.services
    assert update.effective_user is not None and update.effective_chat is not None
    files = await fetch_copies(context.bot, [Held.from_draft(f) for f in draft.files])
    try:
        async with REPORT.finishing(context) as session:
            result = await submit_case(session, services, update.effective_user.id, draft, files)
    except IncompleteDraft as missing:
        note = context.t("report-missing")
        return await REPORT.ask(update, context, MISSING[str(missing)], note)
    except AccessDenied:
        # Deactivated while writing it: nothing is saved, the draft is kept.
        if update.callback_query:
            await update.callback_query.answer()
        await context.bot.send_message(update.effective_chat.id, context.t("access-inactive"))
        return REPORT.step(context)
    if update.callback_query:
        await update.callback_query.answer()
    await context.bot.send_message(update.effective_chat.id, _saved(context, result))
    return ConversationHandler.END


def _saved(context: BotContext, result: Submitted) -> str:
    """The case number; for a person reported before, only what the reporter may know of it."""
    saved = context.t("report-saved", number=result.case.number)
    links = links_for(result.reporter, result.case, result.earlier)
    if links.any:
        saved += "\n\n" + context.t("report-repeat")
    if links.shown:
        saved += "\n" + CaseMessages(context.services).linked_cases(context.locale, links.shown)
    return saved


async def ask_cancel(update: Update, context: BotContext) -> Step:
    """Ask before throwing a report away."""
    if update.callback_query:
        await mark_chosen(update, context.t("button-cancel-report"))
    step = REPORT.step(context)
    if step != Step.CONFIRM_CANCEL:
        with REPORT.edit(context) as draft:
            draft.resume_step = step
    return await REPORT.ask(update, context, Step.CONFIRM_CANCEL)


async def confirm_cancel(update: Update, context: BotContext) -> int:
    """Throw the report away."""
    await mark_chosen(update, context.t("button-cancel-yes"))
    await REPORT.end(context)
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id, context.t("report-cancelled"), reply_markup=ReplyKeyboardRemove()
    )
    return ConversationHandler.END


async def keep_going(update: Update, context: BotContext) -> Step:
    """Return to the step the PSM was at before /batal."""
    await mark_chosen(update, context.t("button-cancel-no"))
    resume = REPORT.draft(context).resume_step
    return await REPORT.ask(update, context, Step(resume or Step.CATEGORY_GROUP))


async def help_in_report(update: Update, context: BotContext) -> Step:
    """Explain the report flow and repeat the current question."""
    return await REPORT.ask(update, context, REPORT.step(context), context.t("help-report"))
