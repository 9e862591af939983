"""Answers that do not fit the current step: explain kindly and ask the same step again."""

from __future__ import annotations

from telegram import Message, Update

from bot.runtime.context import BotContext
from handlers.cases.report.prompts import ask
from handlers.cases.report.steps import Expects, Step, expects


def _what_is_wrong(message: Message, wanted: Expects) -> str:
    if message.text and message.text.startswith("/"):
        return "wrong-command"
    if wanted is Expects.TEXT:
        return "wrong-need-text"
    if wanted is Expects.LOCATION:
        return "wrong-need-location"
    if wanted is Expects.PHOTO:
        return "wrong-need-photo-file" if message.document else "wrong-need-photo"
    return "wrong-need-button"


async def wrong_input(update: Update, context: BotContext) -> Step:
    """Explain what this step needs and ask it again, keeping every earlier answer."""
    step = Step(context.draft.step)
    assert update.message is not None
    return await ask(
        update, context, step, context.t(_what_is_wrong(update.message, expects(step)))
    )


async def stale_button(update: Update, context: BotContext) -> Step:
    """Say that the button belongs to an earlier question, and repeat the current one."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("wrong-stale-button-short"))
    step = Step(context.draft.step)
    return await ask(update, context, step, context.t("wrong-stale-button"))


async def help_in_report(update: Update, context: BotContext) -> Step:
    """Explain the report flow and repeat the current question."""
    step = Step(context.draft.step)
    return await ask(update, context, step, context.t("help-report"))


async def already_reporting(update: Update, context: BotContext) -> Step:
    """Continue the report in progress on a second /lapor, rather than lose it."""
    step = Step(context.draft.step)
    return await ask(update, context, step, context.t("report-resume"))
