"""The /rekap conversation: area and period, then the answer; exports are buttons of their own."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler

from bot.insight.periods import BadPeriod, Period, parse_range, preset
from bot.insight.rekap import rekap
from bot.insight.scope import InsightRefused, area_choices
from bot.runtime.answers import BadAnswer
from bot.runtime.context import BotContext
from handlers.access import active_user_or_explain
from handlers.insight import results
from handlers.insight.flow import REKAP, AreaChoice, PeriodChoice, RekapDraft, Step, area_label
from handlers.replies import mark_chosen, typed_text
from handlers.wizard import TYPED


async def start(update: Update, context: BotContext) -> Step | int:
    """Start /rekap for coordinators and admins; explain to anyone else what it is for."""
    assert update.effective_message is not None
    actor = await active_user_or_explain(update, context)
    if actor is None:
        return ConversationHandler.END
    areas = area_choices(actor, context.services.regions)
    if not areas:
        await update.effective_message.reply_text(context.t("rekap-not-allowed"))
        return ConversationHandler.END
    draft = RekapDraft(area=areas[0], choices=areas)
    return await REKAP.begin(update, context, draft, Step.AREA if len(areas) > 1 else Step.PERIOD)


async def choose_area(update: Update, context: BotContext) -> Step:
    """Take the tapped area if it is the user's to see; a forged one is refused."""
    query, area = update.callback_query, REKAP.tapped(update, AreaChoice).area
    assert query is not None
    if area not in REKAP.draft(context).choices:
        await query.answer(context.t("rekap-refused-forbidden"), show_alert=True)
        return Step.AREA
    await mark_chosen(update, area_label(context, area))
    with REKAP.edit(context) as draft:
        draft.area = area
    return await REKAP.proceed(update, context, Step.AREA)


async def choose_period(update: Update, context: BotContext) -> int:
    """Answer for this month, last month or this year."""
    kind = REKAP.tapped(update, PeriodChoice).preset
    await mark_chosen(update, context.t(f"rekap-button-{kind.value}"))
    return await _answer(update, context, preset(kind, context.services.today()))


async def enter_dates(update: Update, context: BotContext) -> int:
    """Answer for typed dates; unreadable ones are explained and asked again."""
    try:
        chosen = parse_range(typed_text(update), context.services.today())
    except BadPeriod as bad:
        raise BadAnswer(f"rekap-bad-period-{bad.reason}") from None
    return await _answer(update, context, chosen)


async def _answer(update: Update, context: BotContext, chosen: Period) -> int:
    assert update.effective_user is not None and update.effective_chat is not None
    area = REKAP.draft(context).area
    try:
        result = await rekap(context.services, update.effective_user.id, area, chosen)
    except InsightRefused as refused:
        # The user's role or areas changed since the question was asked.
        await REKAP.end(context)
        key = f"rekap-refused-{refused.reason}"
        await context.bot.send_message(update.effective_chat.id, context.t(key))
        return ConversationHandler.END
    # Kept until the figures are in: after a failure, the same tap can try again.
    await REKAP.end(context)
    await results.show(update, context, result)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Stop asking; nothing was shown yet."""
    await REKAP.end(context)
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("rekap-cancelled"))
    return ConversationHandler.END


def build_conversation() -> ConversationHandler:  # type: ignore[type-arg]
    return REKAP.conversation(
        entry_points=[CommandHandler("rekap", start)],
        states={
            Step.AREA: [REKAP.button(choose_area, AreaChoice)],
            Step.PERIOD: [
                REKAP.button(choose_period, PeriodChoice),
                MessageHandler(TYPED, enter_dates),
            ],
        },
        fallbacks=[CommandHandler("batal", cancel)],
        command="rekap",
    )
