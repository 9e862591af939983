"""Command line: `psm-bot run | sandbox | status | migrate | import-roster FILE [--sync]`.

Also `python -m bot ...`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.cases import count_open
from bot.operations.serve import run_bot
from bot.operations.status import status
from bot.people import RosterPlan, Wording, apply_roster, plan_roster, read_roster_file
from bot.privacy.access import OPERATOR
from bot.reference.regions import load_regions
from bot.runtime.settings import Settings, SettingsError, load_settings
from bot.runtime.texts import Texts
from storage.base import utcnow
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade


def _migrate(settings: Settings) -> int:
    upgrade(settings.db_url)
    print("database is up to date")
    return 0


def _import_roster(settings: Settings, path: Path, sync: bool, apply: bool) -> int:
    """Import a roster (CSV or XLSX); any bad row aborts the whole import with its line number.

    With `sync`, active PSM missing from the file are deactivated too, but only with `apply`:
    without it, it is a dry run that lists them and changes nothing.
    """
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 1
    regions = load_regions(settings.region_file)
    report = read_roster_file(path, regions)
    if report.errors:
        for problem in report.errors:
            print(f"error: {path}: {problem}", file=sys.stderr)
        print("nothing was imported; fix the rows above and run again", file=sys.stderr)
        return 1
    upgrade(settings.db_url)
    wording = Wording(Texts(settings.default_locale), regions, settings.default_locale)

    async def run() -> tuple[RosterPlan, int, int]:
        engine = create_engine(settings.db_url)
        try:
            async with create_sessions(engine).begin() as session:
                plan = await plan_roster(session, report.rows, OPERATOR)
                if sync and not apply:
                    return plan, 0, 0
                chosen = {user.id for user in plan.missing} if sync else None
                done = await apply_roster(
                    session, wording, report.rows, OPERATOR, None, utcnow(), count_open, chosen
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="psm-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run", help="apply migrations and run the bot (polling or webhook); no token: sandbox"
    )
    commands.add_parser("sandbox", help="the bot and a chat page in the browser, no Telegram")
    commands.add_parser("status", help="health of the running bot and its database")
    commands.add_parser("migrate", help="apply database migrations")
    roster = commands.add_parser(
        "import-roster", help="import PSM and coordinators from CSV or XLSX"
    )
    roster.add_argument("file", type=Path)
    roster.add_argument(
        "--sync",
        action="store_true",
        help="also deactivate active PSM missing from the file (a dry run unless --apply)",
    )
    roster.add_argument("--apply", action="store_true", help="with --sync: really do it")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        # httpx logs every getUpdates poll at INFO, which would drown the bot's own log.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        # APScheduler logs every run of the outbox tick (every few seconds) at INFO.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        # A fresh clone has no token: `make run` shows the sandbox. A webhook needs a token.
        no_token = not settings.has_token and not settings.webhook_url
        if args.command == "sandbox" or (args.command == "run" and no_token):
            from bot.sandbox.runner import run_sandbox

            return run_sandbox(settings)
        if args.command == "run":
            return run_bot(settings)
        if args.command == "status":
            return status(settings)
        if args.command == "migrate":
            return _migrate(settings)
        return _import_roster(settings, args.file, args.sync, args.apply)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C while standing by or migrating: nothing to clean up, no traceback to show.
        return 130
