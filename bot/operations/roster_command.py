"""`psm-bot import-roster FILE [--sync] [--apply]`: the roster from a CSV or XLSX file.

The same reading, planning and applying as /impor in the chat, run by an operator.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.cases import count_open
from bot.people import (
    RosterPlan,
    Wording,
    apply_roster,
    in_plain_words,
    plan_roster,
    preview_roster,
    read_roster_file,
)
from bot.privacy.access import OPERATOR
from bot.reference.regions import load_regions
from bot.runtime.clock import Clock
from bot.runtime.context import cipher_of
from bot.runtime.settings import Settings
from bot.runtime.texts import Locale, Texts
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade


def import_roster_command(settings: Settings, path: Path, sync: bool, apply: bool) -> int:
    """Import a roster (CSV or XLSX); any bad row aborts the whole import with its line number.

    With `sync`, active PSM missing from the file are deactivated too, but only with `apply`:
    without it, it is a dry run that lists them and changes nothing.
    """
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 1
    regions = load_regions(settings.region_file)
    report = read_roster_file(path, regions)
    texts = Texts(settings.default_locale)
    # The operator's terminal reads English, whatever the bot's default language.
    for warning in report.warnings:
        print(f"warning: {path}: {in_plain_words(warning, texts, Locale.EN)}", file=sys.stderr)
    if report.errors:
        for problem in report.errors:
            print(f"error: {path}: {in_plain_words(problem, texts, Locale.EN)}", file=sys.stderr)
        print("nothing was imported; fix the rows above and run again", file=sys.stderr)
        return 1
    upgrade(settings.db_url, cipher_of(settings).index_of_token)
    wording = Wording(texts, regions, settings.default_locale)

    async def run() -> tuple[RosterPlan, int, int]:
        now = Clock().now()
        engine = create_engine(settings.db_url)
        try:
            sessions = create_sessions(engine)
            async with sessions.begin() as session:
                if sync and not apply:
                    # Lists the people it would deactivate, by name and phone: audited.
                    plan = await preview_roster(session, report.rows, OPERATOR, None, now)
                    return plan, 0, 0
                plan = await plan_roster(session, report.rows, OPERATOR)
            chosen = {user.id for user in plan.missing} if sync else None
            done = await apply_roster(
                sessions, wording, report.rows, OPERATOR, None, now, count_open, chosen
            )
            return plan, done.saved, len(done.deactivated)
        finally:
            await engine.dispose()

    plan, saved, deactivated = asyncio.run(run())
    print(
        f"{len(report.rows)} rows: {plan.new} new, {plan.updated} updated, "
        f"{plan.unchanged} unchanged; {len(plan.missing)} active PSM not in the file"
    )
    if sync and not apply:
        for user in plan.missing:
            print(f"  would deactivate: {user.full_name} ({user.phone or '-'})")
        print("dry run: nothing was changed; add --apply to import and deactivate them")
        return 0
    print(f"imported {saved} roster rows from {path}; deactivated {deactivated}")
    return 0
