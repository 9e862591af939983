"""/audit: admins read the audit log by case, account or period, and download it."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update

from bot.people import get_user
from bot.records import (
    AuditExport,
    AuditFilter,
    AuditLine,
    AuditRefused,
    AuditWords,
    BadAuditFilter,
    audit_sheet,
    filter_from,
    review,
    total,
    who,
)
from bot.runtime.context import BotContext
from bot.runtime.texts import MAX_MESSAGE, first_that_fit
from handlers.access import active_user_or_explain

DETAIL_SHOWN = 120
# The header line above the entries, counted generously.
HEADER_ROOM = 200


async def show_audit(update: Update, context: BotContext) -> None:
    """Show the newest entries an admin asks for, with a button to download them all."""
    actor = await active_user_or_explain(update, context)
    assert update.message is not None
    if actor is None:
        return
    services = context.services
    now, tz = services.clock.now(), services.settings.tz
    try:
        async with services.sessions.begin() as session:
            wanted = await filter_from(session, actor, context.args or [], services.today())
            # Counted before the review writes its own audit row, which the page does not show.
            count = await total(session, wanted, tz)
            lines = await review(session, actor, wanted, tz, now)
    except AuditRefused:
        await update.message.reply_text(context.t("audit-refused"))
        return
    except BadAuditFilter as bad:
        await update.message.reply_text(context.t(f"audit-bad-{bad.what}"))
        return
    text, buttons = _page(context, wanted, lines, count)
    await update.message.reply_text(text, reply_markup=buttons)


async def export_audit(update: Update, context: BotContext) -> None:
    """Send every entry of the filter as a spreadsheet; the export is audited."""
    query = update.callback_query
    button = AuditExport.decode(query.data if query else None)
    assert query is not None and button is not None
    services = context.services
    try:
        wanted = button.wanted()
        async with services.sessions.begin() as session:
            actor = await get_user(session, query.from_user.id)
            if wanted is None:
                raise AuditRefused(query.from_user.id)
            lines = await review(
                session, actor, wanted, services.settings.tz, services.clock.now(), export=True
            )
    except AuditRefused:
        await query.answer(context.t("audit-refused"), show_alert=True)
        return
    except BadAuditFilter as bad:  # a forged button's dates
        await query.answer(context.t(f"audit-bad-{bad.what}"), show_alert=True)
        return
    await query.answer()
    # Some seconds of CPU for 50,000 entries: not on the loop everyone's updates share.
    data = await asyncio.to_thread(audit_sheet, lines, services, context.locale)
    name = f"audit-{services.today().isoformat()}.xlsx"
    caption = context.t("audit-export-caption", count=len(lines))
    await context.bot.send_document(query.from_user.id, InputFile(data, name), caption=caption)


def _page(
    c: BotContext, wanted: AuditFilter, lines: list[AuditLine], count: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    if not lines:
        return c.t("audit-empty"), None
    tz = c.services.settings.tz
    words = AuditWords(c.services.texts, c.locale, c.services.regions)
    shown = [
        c.t(
            "audit-line",
            when=line.entry.at.astimezone(tz).strftime("%d-%m-%Y %H:%M"),
            who=who(line.actor, line.entry.actor_id, c.t("actor-bot")),
            action=words.action(line.entry.action),
            case=line.case_number or "",
            detail=_after_dot(words.detail(line.entry.detail)[:DETAIL_SHOWN]),
        )
        for line in lines
    ]
    # Long names and details could take 20 lines past Telegram's limit: show the newest that fit.
    shown = first_that_fit(shown, MAX_MESSAGE - HEADER_ROOM)
    text = "\n".join([c.t("audit-header", shown=len(shown), total=count), *shown])
    button = InlineKeyboardButton(
        c.t("button-audit-export"), callback_data=AuditExport.of(wanted).encode()
    )
    return text, InlineKeyboardMarkup([[button]])


def _after_dot(detail: str) -> str:
    """The details after a separator, or nothing at all when there are none."""
    return f" · {detail}" if detail else ""
