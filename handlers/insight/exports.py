"""The export buttons under a /rekap answer: XLSX, CSV, and the full-NIK export (asked first)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from telegram import InputFile, Update

from bot.insight.buttons import ExportKind, FullExportConfirmed, FullExportDeclined, RekapExport
from bot.insight.exports import ExportRequest, Format, export_cases
from bot.insight.periods import BadPeriod, Period
from bot.insight.scope import InsightRefused, may_export_full, resolve_scope
from bot.people import get_user
from bot.runtime.context import BotContext
from handlers.insight.flow import labels_of
from handlers.keyboards import grid
from handlers.replies import mark_chosen


async def export(update: Update, context: BotContext) -> None:
    """Send the period's cases as a spreadsheet; the full-NIK one is confirmed first."""
    assert update.callback_query is not None
    button = RekapExport.decode(update.callback_query.data)
    assert button is not None, "the handler's pattern admits only well-formed data"
    chosen = await _period_of(update, context, button.period)
    if chosen is None:
        return
    if button.kind is ExportKind.FULL:
        await _ask_full(update, context, button.area, chosen)
    else:
        kind = Format(button.kind.value)
        await _send(update, context, ExportRequest(_caller(update), button.area, chosen, kind))


async def confirm_full(update: Update, context: BotContext) -> None:
    """Send the export with full NIKs after the admin confirmed."""
    assert update.callback_query is not None
    button = FullExportConfirmed.decode(update.callback_query.data)
    assert button is not None
    chosen = await _period_of(update, context, button.period)
    if chosen is None:
        return
    request = ExportRequest(_caller(update), button.area, chosen, Format.XLSX, full_nik=True)
    await _send(update, context, request, context.t("rekap-button-full-yes"))


async def decline_full(update: Update, context: BotContext) -> None:
    """Drop the full export."""
    await mark_chosen(update, context.t("rekap-button-full-no"))
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("rekap-full-cancelled"))


async def _period_of(update: Update, context: BotContext, encoded: str) -> Period | None:
    """The button's period; None, with the reason as an alert, for a forged or stale one."""
    assert update.callback_query is not None
    try:
        return Period.decode(encoded)
    except BadPeriod as bad:
        reason = f"rekap-bad-period-{bad.reason}"
    except ValueError:
        reason = "wrong-stale-button-short"
    await update.callback_query.answer(context.t(reason), show_alert=True)
    return None


def _caller(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def _ask_full(update: Update, context: BotContext, area: str, chosen: Period) -> None:
    assert update.callback_query is not None and update.effective_chat is not None
    async with context.services.sessions() as session:
        actor = await get_user(session, _caller(update))
    if not may_export_full(actor):
        await update.callback_query.answer(context.t("rekap-refused-full"), show_alert=True)
        return
    try:
        scope = resolve_scope(actor, area, context.services.regions)
    except InsightRefused as refused:
        key = f"rekap-refused-{refused.reason}"
        await update.callback_query.answer(context.t(key), show_alert=True)
        return
    await update.callback_query.answer()
    labels = labels_of(context)
    question = context.t(
        "rekap-full-confirm", scope=labels.scope(scope), period=labels.period(chosen)
    )
    buttons = [
        (context.t("rekap-button-full-yes"), FullExportConfirmed(area, chosen.encode()).encode()),
        (context.t("rekap-button-full-no"), FullExportDeclined().encode()),
    ]
    await context.bot.send_message(update.effective_chat.id, question, reply_markup=grid(buttons))


async def _send(
    update: Update, context: BotContext, request: ExportRequest, chosen: str | None = None
) -> None:
    """Export into a temporary folder, send each part, then forget the files; `chosen` folds
    the confirmation's buttons into the answer."""
    assert update.callback_query is not None and update.effective_chat is not None
    labels = labels_of(context)
    with tempfile.TemporaryDirectory(prefix="psm-rekap-") as folder:
        try:
            done = await export_cases(context.services, request, labels, Path(folder))
        except InsightRefused as refused:
            key = f"rekap-refused-{refused.reason}"
            await update.callback_query.answer(context.t(key), show_alert=True)
            return
        if chosen:
            await mark_chosen(update, chosen)
        else:
            await update.callback_query.answer()
        chat_id = update.effective_chat.id
        if done.rows == 0:
            await context.bot.send_message(chat_id, context.t("rekap-export-empty"))
            return
        for part, path in enumerate(done.files, start=1):
            caption = context.t(
                "rekap-export-caption",
                scope=labels.scope(done.scope),
                period=labels.period(request.period),
                rows=done.rows,
                part=part,
                parts=len(done.files),
            )
            data = await asyncio.to_thread(path.read_bytes)
            await context.bot.send_document(
                chat_id, InputFile(data, filename=path.name), caption=caption
            )
