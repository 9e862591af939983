"""/impor: a coordinator or admin sends the roster as .xlsx or .csv; every row is checked,
the changes are shown (new, updated, and who is missing), and applied after a confirmation.

The checked rows wait in the draft, so the confirmation needs no second download; applying
checks every row against the importer's reach again and deactivates only people who were
shown as missing and still are.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.cases import count_open
from bot.people.directory import get_user
from bot.people.messages import Wording
from bot.people.roster import rows_as_text, rows_from_text
from bot.people.roster_limits import MAX_BYTES, MEBIBYTE
from bot.people.roster_problems import RosterProblem, in_words
from bot.people.roster_sync import RosterPlan, apply_roster, preview_roster
from bot.people.roster_xlsx import read_roster_bytes
from bot.privacy.access import scope_of
from bot.runtime.answers import BadAnswer
from bot.runtime.callbacks import Callback
from bot.runtime.context import BotApp, BotContext
from handlers.access import active_user_or_explain
from handlers.groups import Group, add
from handlers.keyboards import grid
from handlers.replies import mark_chosen
from handlers.wizard import Markup, Texts, Wizard

SUFFIXES = (".csv", ".xlsx")
# Within Telegram's 4096 characters however long the names and cells in the file are.
SHOWN_PROBLEMS, SHOWN_WARNINGS, SHOWN_MISSING, VALUE_LENGTH = 15, 3, 20, 60


class Upload(IntEnum):
    FILE = 0
    CONFIRM = 1


@dataclass
class RosterUpload:
    rows: str = ""  # the checked rows (bot.people.roster.rows_as_text)
    missing: list[int] = field(default_factory=list)


class Mode(StrEnum):
    ADD = "add"  # add and update the rows
    SYNC = "sync"  # and deactivate the PSM the file no longer lists


@dataclass(frozen=True)
class ApplyChoice(Callback, prefix="im:go"):
    mode: Mode


@dataclass(frozen=True)
class CancelImport(Callback, prefix="im:cancel"):
    pass


def _confirm(c: BotContext, d: RosterUpload) -> tuple[str, Markup]:
    buttons = [(c.t("import-button-apply"), ApplyChoice(Mode.ADD).encode())]
    if d.missing:
        label = c.t("import-button-sync", count=len(d.missing))
        buttons.append((label, ApplyChoice(Mode.SYNC).encode()))
    buttons.append((c.t("import-button-cancel"), CancelImport().encode()))
    return c.t("import-ask-confirm"), grid(buttons)


UPLOAD: Wizard[Upload, RosterUpload] = Wizard(
    name="roster_upload",
    steps=Upload,
    draft=RosterUpload,
    texts=Texts(
        command="import-command",
        resume="import-command",
        needs={Upload.FILE: "import-need-file"},
        busy="busy-import",
    ),
    prompts={
        Upload.FILE: lambda c, d: (c.t("import-ask-file"), None),
        Upload.CONFIRM: _confirm,
    },
    follows=lambda done, d: Upload.CONFIRM,
)


async def start(update: Update, context: BotContext) -> Upload | int:
    """Ask an active coordinator or admin for the roster file."""
    actor = await active_user_or_explain(update, context)
    if actor is None:
        return ConversationHandler.END
    assert update.message is not None
    refusal = UPLOAD.busy_elsewhere(context)
    if refusal is None and not scope_of(actor).oversees:
        refusal = context.t("import-not-allowed")
    if refusal is not None:
        await update.message.reply_text(refusal)
        return ConversationHandler.END
    return await UPLOAD.begin(update, context, RosterUpload(), Upload.FILE)


def _bullets(c: BotContext, problems: Sequence[RosterProblem | str], shown: int) -> list[str]:
    """The first problems in the user's language (refusals come worded), and how many more."""
    texts, locale = c.services.texts, c.locale
    lines = [
        f"• {p if isinstance(p, str) else in_words(p, texts, locale, VALUE_LENGTH)}"
        for p in problems[:shown]
    ]
    if len(problems) > shown:
        lines.append(c.t("import-more-problems", count=len(problems) - shown))
    return lines


def _problems(c: BotContext, problems: Sequence[RosterProblem | str]) -> str:
    invalid = c.t("import-invalid", count=len(problems))
    return "\n".join([invalid, *_bullets(c, problems, SHOWN_PROBLEMS)])


def _summary(c: BotContext, plan: RosterPlan, rows: int, warnings: list[RosterProblem]) -> str:
    lines = [
        c.t(
            "import-plan",
            rows=rows,
            new=plan.new,
            updated=plan.updated,
            unchanged=plan.unchanged,
            missing=len(plan.missing),
        )
    ]
    names = [
        f"• {html.escape(u.full_name)} ({u.phone or '-'})" for u in plan.missing[:SHOWN_MISSING]
    ]
    if names:
        lines += [c.t("import-plan-missing"), *names]
    if len(plan.missing) > SHOWN_MISSING:
        lines.append(c.t("import-more-missing", count=len(plan.missing) - SHOWN_MISSING))
    if warnings:
        lines += [c.t("import-plan-warnings"), *_bullets(c, warnings, SHOWN_WARNINGS)]
    return "\n".join(lines)


async def receive_file(update: Update, context: BotContext) -> Upload:
    """Check the file: every problem by line and nothing changed, or what would change."""
    message, services = update.message, context.services
    assert message is not None and message.document is not None
    assert update.effective_user is not None
    document = message.document
    name = document.file_name or ""
    if not name.lower().endswith(SUFFIXES):
        raise BadAnswer("import-wrong-type")
    if (document.file_size or 0) > MAX_BYTES:
        raise BadAnswer("import-too-large", max=MAX_BYTES // MEBIBYTE)
    data = bytes(await (await document.get_file()).download_as_bytearray())
    if len(data) > MAX_BYTES:
        raise BadAnswer("import-too-large", max=MAX_BYTES // MEBIBYTE)
    # Reading takes seconds of CPU for a large file: not on the loop everyone's updates share.
    report = await asyncio.to_thread(read_roster_bytes, data, name, services.regions)
    if report.errors:
        return await UPLOAD.ask(update, context, Upload.FILE, _problems(context, report.errors))
    async with services.sessions.begin() as session:
        actor = await get_user(session, update.effective_user.id)
        now = services.clock.now()
        plan = await preview_roster(session, report.rows, scope_of(actor), actor, now)
    if plan.refused:
        refused = [context.t(r.key, line=r.line) for r in plan.refused]
        return await UPLOAD.ask(update, context, Upload.FILE, _problems(context, refused))
    rows = await asyncio.to_thread(rows_as_text, report.rows)
    with UPLOAD.edit(context) as draft:
        draft.rows = rows
        draft.missing = [user.id for user in plan.missing]
    summary = _summary(context, plan, len(report.rows), report.warnings)
    return await UPLOAD.proceed(update, context, Upload.FILE, summary)


async def apply(update: Update, context: BotContext) -> Upload | int:
    """Import the rows (and, in sync mode, deactivate the missing PSM shown), batch by batch."""
    sync = UPLOAD.tapped(update, ApplyChoice).mode is Mode.SYNC
    draft, services = UPLOAD.draft(context), context.services
    assert update.effective_user is not None and update.effective_chat is not None
    await mark_chosen(
        update,
        context.t(
            "import-button-sync" if sync else "import-button-apply", count=len(draft.missing)
        ),
    )
    try:
        async with services.sessions() as session:
            actor = await get_user(session, update.effective_user.id)
        scope = scope_of(actor)
        if not scope.oversees:
            raise PermissionError
        done = await apply_roster(
            services.sessions,
            Wording.of(services),
            await asyncio.to_thread(rows_from_text, draft.rows),
            scope,
            actor,
            services.clock.now(),
            count_open,
            set(draft.missing) if sync else None,
        )
    except (PermissionError, ValueError):
        # The importer's reach shrank since the preview: nothing was imported.
        await context.bot.send_message(update.effective_chat.id, context.t("import-not-allowed"))
        return await UPLOAD.end(context)
    # Ended only now: the batches committed one by one, and stopped halfway the conversation
    # is still at this step.
    await UPLOAD.end(context)
    text = context.t("import-done", rows=done.saved, deactivated=len(done.deactivated))
    await context.bot.send_message(update.effective_chat.id, text)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """Forget the file; nothing was imported."""
    await mark_chosen(update, context.t("import-button-cancel"))
    await UPLOAD.end(context)
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, context.t("import-cancelled"))
    return ConversationHandler.END


def register(application: BotApp) -> None:
    b = UPLOAD.button
    add(
        application,
        Group.ROSTER_UPLOAD,
        [
            UPLOAD.conversation(
                entry_points=[CommandHandler("impor", start)],
                states={
                    Upload.FILE: [MessageHandler(filters.Document.ALL, receive_file)],
                    Upload.CONFIRM: [b(apply, ApplyChoice), b(cancel, CancelImport)],
                },
                fallbacks=[CommandHandler("batal", cancel)],
                command="impor",
            )
        ],
    )
