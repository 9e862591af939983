"""Command line: `psm-bot run | sandbox | status | migrate | doctor | import-roster FILE [--sync] |
retention | person | rotate-key | backup | restore DIR`.

Also `python -m bot ...`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from telegram.error import InvalidToken

from bot.operations.roster_command import import_roster_command
from bot.operations.serve import run_bot
from bot.operations.status import status
from bot.records import person_command, retention_command, rotate_key
from bot.runtime.context import cipher_of
from bot.runtime.logs import configure_logging
from bot.runtime.settings import Settings, SettingsError, load_settings
from storage.migrate import upgrade


def _migrate(settings: Settings) -> int:
    upgrade(settings.db_url, cipher_of(settings).index_of_token)
    print("database is up to date")
    return 0


def _data_protection_commands(commands: argparse._SubParsersAction[Any]) -> None:
    keep = commands.add_parser(
        "retention", help="show what RETENTION_YEARS makes due for anonymising (--apply: do it)"
    )
    keep.add_argument("--apply", action="store_true", help="anonymise it, audited")
    who = commands.add_parser(
        "person", help="everything held about one person (a subject request); export, erase"
    )
    who.add_argument("--nik", help="the person's 16-digit NIK")
    who.add_argument("--name", help="or the person's name, with --born")
    who.add_argument("--born", help="birth date DD-MM-YYYY, with --name")
    who.add_argument("--export", type=Path, metavar="FILE.xlsx", help="write it all to a file")
    who.add_argument("--erase", action="store_true", help="anonymise it (asks first)")
    who.add_argument("--yes", action="store_true", help="with --erase: do not ask")
    commands.add_parser(
        "rotate-key", help="re-encrypt every NIK under a new key (bot stopped; resumable)"
    )
    copy = commands.add_parser(
        "backup", help="a consistent copy of the database with its data key and a manifest"
    )
    copy.add_argument("--to", type=Path, metavar="DIR", help="default DATA_DIR/backups")
    back = commands.add_parser(
        "restore", help="put a backup folder into an empty database and check it (bot stopped)"
    )
    back.add_argument("folder", type=Path, metavar="DIR")
    back.add_argument("--force", action="store_true", help="replace a database that is not empty")


def _data_protection(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "retention":
        return retention_command(settings, args.apply)
    if args.command == "person":
        typed = args.nik or f"{args.name or ''} {args.born or ''}"
        confirm = (lambda _: True) if args.yes else _ask
        return person_command(settings, typed, args.export, args.erase, confirm)
    if args.command == "rotate-key":
        return rotate_key(settings)
    if args.command == "restore":
        from bot.records import restore_command

        return restore_command(settings, args.folder, args.force)
    from bot.records import backup_command

    return backup_command(settings, args.to)


def _ask(question: str) -> bool:
    """The operator's yes, typed; without a terminal there is nobody to ask (use --yes)."""
    return sys.stdin.isatty() and input(question).strip().lower() == "yes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="psm-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run", help="apply migrations and run the bot (polling or webhook); no token: sandbox"
    )
    commands.add_parser("sandbox", help="the bot and a chat page in the browser, no Telegram")
    commands.add_parser("status", help="health of the running bot and its database")
    commands.add_parser("migrate", help="apply database migrations")
    doctor = commands.add_parser(
        "doctor", help="check the configuration without starting the bot (exit 0: all good)"
    )
    doctor.add_argument("--online", action="store_true", help="also ask Telegram (getMe)")
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
    _data_protection_commands(commands)
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
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
        if args.command == "doctor":
            from bot.operations.doctor import doctor_command

            return doctor_command(settings, args.online)
        if args.command == "import-roster":
            return import_roster_command(settings, args.file, args.sync, args.apply)
        return _data_protection(settings, args)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except InvalidToken:
        print("error: Telegram refused BOT_TOKEN: check it with @BotFather", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C while standing by or migrating: nothing to clean up, no traceback to show.
        return 130
