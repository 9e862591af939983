"""The /rekap conversation: which area (admins, coordinators of several kecamatan), which
period (a button or typed dates), then the answer; exports are buttons of their own."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.insight.periods import BadPeriod, Period, Preset, parse_range, preset
from bot.insight.rekap import rekap
from bot.insight.scope import InsightRefused
from handlers.access import active_user_or_explain
from handlers.insight import callbacks, results
from handlers.insight.prompts import (
    RekapDraft,
    Step,
    area_label,
    ask,
    choices,
    get_draft,
    set_draft,
)
from handlers.replies import mark_chosen

TYPED = filters.TEXT & ~filters.COMMAND


async def start(update: Update, context: BotContext) -> Step | int:
    """Start /rekap for coordinators and admins; explain to anyone else what it is for."""
    assert update.effective_message is not None
    if await active_user_or_explain(update, context) is None:
        return ConversationHandler.END
    areas = await choices(update, context)
    if not areas:
        await update.effective_message.reply_text(context.t("rekap-not-allowed"))
        return ConversationHandler.END
    set_draft(context, RekapDraft(area=areas[0]))
    return await ask(update, context, Step.AREA if len(areas) > 1 else Step.PERIOD)


async def choose_area(update: Update, context: BotContext) -> Step:
    """Take the tapped area if it is the user's to see; a forged one is refused."""
    query = update.callback_query
    assert query is not None
    area = callbacks.choice(query.data)
    if area not in await choices(update, context):
        await query.answer(context.t("rekap-refused-forbidden"), show_alert=True)
        return Step.AREA
    await mark_chosen(update, area_label(context, area))
    draft = get_draft(context)
    draft.area = area
    set_draft(context, draft)
    return await ask(update, context, Step.PERIOD)


async def choose_period(update: Update, context: BotContext) -> Step | int:
    """Answer for this month, last month or this year."""
    kind = Preset(callbacks.choice(update.callback_query.data if update.callback_query else None))
    await mark_chosen(update, context.t(f"rekap-button-{kind.value}"))
    return await _answer(update, context, preset(kind, context.services.today()))


async def enter_dates(update: Update, context: BotContext) -> Step | int:
    """Answer for typed dates; unreadable ones are explained and asked again."""
    assert update.message is not None and update.message.text is not None
    try:
        chosen = parse_range(update.message.text, context.services.today())
    except BadPeriod as bad:
        return await ask(update, context, Step.PERIOD, context.t(f"rekap-bad-period-{bad.reason}"))
    return await _answer(update, context, chosen)


async def _answer(update: Update, context: BotContext, chosen: Period) -> int:
    assert update.effective_user is not None and update.effective_chat is not None
    area = get_draft(context).area
    try:
        result = await rekap(context.services, update.effective_user.id, area, chosen)
    except InsightRefused as refused:
        # The user's role or areas changed since the question was asked.
        set_draft(context, None)
        key = f"rekap-refused-{refused.reason}"
        await context.bot.send_message(update.effective_chat.id, context.t(key))
        return ConversationHandler.END
    # Kept until the figures are in: after a failure, the same tap can try again.
    set_draft(context, None)
    await results.show(update, context, result)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Stop asking; nothing was shown yet."""
    set_draft(context, None)
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("rekap-cancelled"))
    return ConversationHandler.END


async def need_button(update: Update, context: BotContext) -> Step:
    """Ask for a tap when the area question got typed text."""
    return await ask(update, context, Step(get_draft(context).step), context.t("rekap-need-button"))


async def stale_button(update: Update, context: BotContext) -> Step:
    """Say that the button belongs to an earlier question, and ask the current one again."""
    assert update.callback_query is not None
    await update.callback_query.answer(context.t("wrong-stale-button-short"))
    return await ask(
        update, context, Step(get_draft(context).step), context.t("rekap-stale-button")
    )


def build_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    return ConversationHandler(
        entry_points=[CommandHandler("rekap", start)],
        states={
            Step.AREA: [CallbackQueryHandler(choose_area, pattern=callbacks.AREA)],
            Step.PERIOD: [
                CallbackQueryHandler(choose_period, pattern=callbacks.PERIOD),
                MessageHandler(TYPED, enter_dates),
            ],
        },
        fallbacks=[
            CommandHandler("batal", cancel),
            CallbackQueryHandler(stale_button, pattern=callbacks.QUESTION),
            MessageHandler(TYPED, need_button),
        ],
        name="rekap",
        persistent=True,
        allow_reentry=True,
    )
