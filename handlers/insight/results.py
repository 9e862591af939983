"""The answer to /rekap: the figures in words with the export buttons, then the charts."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, InputFile, InputMediaPhoto, Update
from telegram.constants import ChatAction

from bot.insight.buttons import ExportKind, RekapExport
from bot.insight.charts import Chart, render_all
from bot.insight.figures import figures
from bot.insight.rekap import Rekap
from bot.insight.summary import summary
from bot.runtime.context import BotContext
from handlers.insight.flow import labels_of
from handlers.keyboards import grid


def export_buttons(context: BotContext, result: Rekap) -> InlineKeyboardMarkup:
    period, area = result.stats.period.encode(), result.area
    kinds = [
        ExportKind.XLSX,
        ExportKind.CSV,
        *([ExportKind.FULL] if result.may_export_full else []),
    ]
    buttons = [
        (context.t(f"rekap-button-{kind.value}"), RekapExport(kind, area, period).encode())
        for kind in kinds
    ]
    return grid(buttons[:2], columns=2, extra=buttons[2:])


async def send_charts(update: Update, context: BotContext, charts: list[Chart]) -> None:
    """One photo, or all of them as one album."""
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    # Album items are uploaded as attachments, each under a name of its own.
    files = [InputFile(chart.png, filename=chart.filename, attach=True) for chart in charts]
    if len(files) == 1:
        await context.bot.send_photo(chat_id, files[0])
    elif files:
        await context.bot.send_media_group(chat_id, [InputMediaPhoto(file) for file in files])


async def show(update: Update, context: BotContext, result: Rekap) -> None:
    """Send the figures in words with the export buttons, then the charts as one album.

    The words come first so that on a phone they and the buttons are on screen, not pushed up
    by eight pictures.
    """
    assert update.effective_chat is not None
    labels = labels_of(context)
    text: str = summary(result.stats, labels, names=True)
    markup = None
    if result.stats.total:
        text = f"{text}\n\n{context.t('rekap-export-prompt')}"
        markup = export_buttons(context, result)
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    specs = figures(result.stats, labels)
    if specs:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
        await send_charts(update, context, await render_all(specs))
