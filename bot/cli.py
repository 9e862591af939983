"""Command line: `psm-bot run | sandbox | status | migrate | doctor | import-roster FILE [--sync] |
retention | person | rotate-key | backup | restore DIR`.

Also `python -m bot ...`. Each command imports what it uses inside its own function, so that
`--help` and the light commands start in a fraction of a second (tests/runtime/test_lazy_cli.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.runtime.settings import Settings

Command = Callable[["Settings", argparse.Namespace], int]


def _run(settings: Settings, args: argparse.Namespace) -> int:
    # A fresh clone has no token: `make run` shows the sandbox. A webhook needs a token.
    if not settings.has_token and not settings.webhook_url:
        return _sandbox(settings, args)
    from bot.operations.serve import run_bot

    return run_bot(settings)


def _sandbox(settings: Settings, args: argparse.Namespace) -> int:
    from bot.sandbox.runner import run_sandbox

    return run_sandbox(settings)


def _status(settings: Settings, args: argparse.Namespace) -> int:
    from bot.operations.status import status

    return status(settings)


def _migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime.context import cipher_of
    from storage.migrate import upgrade

    upgrade(settings.db_url, cipher_of(settings).index_of_token)
    print("database is up to date")
    return 0


def _doctor(settings: Settings, args: argparse.Namespace) -> int:
    from bot.operations.doctor import doctor_command

    return doctor_command(settings, args.online)


def _import_roster(settings: Settings, args: argparse.Namespace) -> int:
    from bot.operations.roster_command import import_roster_command

    return import_roster_command(settings, args.file, args.sync, args.apply)


def _retention(settings: Settings, args: argparse.Namespace) -> int:
    from bot.records import retention_command

    return retention_command(settings, args.apply)


def _person(settings: Settings, args: argparse.Namespace) -> int:
    from bot.records import person_command

    typed = args.nik or f"{args.name or ''} {args.born or ''}"
    confirm = (lambda _: True) if args.yes else _ask
    return person_command(settings, typed, args.export, args.erase, confirm)


def _rotate_key(settings: Settings, args: argparse.Namespace) -> int:
    from bot.records import rotate_key

    return rotate_key(settings)


def _backup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.records import backup_command

    return backup_command(settings, args.to)


def _restore(settings: Settings, args: argparse.Namespace) -> int:
    from bot.records import restore_command

    return restore_command(settings, args.folder, args.force)


def _ask(question: str) -> bool:
    """The operator's yes, typed; without a terminal there is nobody to ask (use --yes)."""
    return sys.stdin.isatty() and input(question).strip().lower() == "yes"


def _add(
    commands: argparse._SubParsersAction[Any], name: str, what: str, act: Command
) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = commands.add_parser(name, help=what)
    command.set_defaults(act=act)
    return command


def _operations(commands: argparse._SubParsersAction[Any]) -> None:
    what = "apply migrations and run the bot (polling or webhook); no token: sandbox"
    _add(commands, "run", what, _run)
    _add(commands, "sandbox", "the bot and a chat page in the browser, no Telegram", _sandbox)
    _add(commands, "status", "health of the running bot and its database", _status)
    _add(commands, "migrate", "apply database migrations", _migrate)
    what = "check the configuration without starting the bot (exit 0: all good)"
    doctor = _add(commands, "doctor", what, _doctor)
    doctor.add_argument("--online", action="store_true", help="also ask Telegram (getMe)")
    roster = _add(
        commands, "import-roster", "import PSM and coordinators from CSV or XLSX", _import_roster
    )
    roster.add_argument("file", type=Path)
    roster.add_argument(
        "--sync",
        action="store_true",
        help="also deactivate active PSM missing from the file (a dry run unless --apply)",
    )
    roster.add_argument("--apply", action="store_true", help="with --sync: really do it")


def _data_protection(commands: argparse._SubParsersAction[Any]) -> None:
    what = "show what RETENTION_YEARS makes due for anonymising (--apply: do it)"
    keep = _add(commands, "retention", what, _retention)
    keep.add_argument("--apply", action="store_true", help="anonymise it, audited")
    what = "everything held about one person (a subject request); export, erase"
    who = _add(commands, "person", what, _person)
    who.add_argument("--nik", help="the person's 16-digit NIK")
    who.add_argument("--name", help="or the person's name, with --born")
    who.add_argument("--born", help="birth date DD-MM-YYYY, with --name")
    who.add_argument("--export", type=Path, metavar="FILE.xlsx", help="write it all to a file")
    who.add_argument("--erase", action="store_true", help="anonymise it (asks first)")
    who.add_argument("--yes", action="store_true", help="with --erase: do not ask")
    what = "re-encrypt every NIK under a new key (bot stopped; resumable)"
    _add(commands, "rotate-key", what, _rotate_key)
    what = "a consistent copy of the database with its data key and a manifest"
    copy = _add(commands, "backup", what, _backup)
    copy.add_argument("--to", type=Path, metavar="DIR", help="default DATA_DIR/backups")
    what = "put a backup folder into an empty database and check it (bot stopped)"
    back = _add(commands, "restore", what, _restore)
    back.add_argument("folder", type=Path, metavar="DIR")
    back.add_argument("--force", action="store_true", help="replace a database that is not empty")


def parser() -> argparse.ArgumentParser:
    """Every command and option; builds without importing the bot."""
    built = argparse.ArgumentParser(prog="psm-bot", description=__doc__.split("\n\n")[0])
    commands = built.add_subparsers(dest="command", required=True)
    _operations(commands)
    _data_protection(commands)
    return built


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    act: Command = args.act
    # Only now: settings, logging and Telegram's errors are what every command shares.
    from telegram.error import InvalidToken

    from bot.runtime.logs import configure_logging
    from bot.runtime.settings import SettingsError, load_settings

    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        return act(settings, args)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except InvalidToken:
        print("error: Telegram refused BOT_TOKEN: check it with @BotFather", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C while standing by or migrating: nothing to clean up, no traceback to show.
        return 130
