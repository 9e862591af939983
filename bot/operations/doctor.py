"""`psm-bot doctor`: check a configuration without starting the bot, one line per check.

Each failing line says what to do. `psm-bot run` runs the same checks first and refuses with the
same lines, so they must stay cheap (the bot starts in well under a second without them).
"""

from __future__ import annotations

import asyncio
import re
import shutil
import socket
import sys
import tempfile
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from bot.operations.doctor_database import DatabaseState, probe_database
from bot.privacy.crypto import Cipher, key_file, parse_keys
from bot.runtime.settings import Settings

# A BotFather token is the bot's numeric id, a colon and a secret of letters, digits, _ and -.
_TOKEN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Finding:
    """One check's line: `fix` is None when it passed, else what the operator should do."""

    name: str
    detail: str
    fix: str | None = None

    @property
    def passed(self) -> bool:
        return self.fix is None

    def line(self) -> str:
        if self.fix is None:
            return f"ok    {self.name}: {self.detail}"
        return f"FAIL  {self.name}: {self.detail}; {self.fix}"


def examine(settings: Settings, starting: bool = False, online: bool = False) -> list[Finding]:
    """Every check in order; `starting` (for `psm-bot run`) accepts a database it will migrate."""
    database = probe_database(settings.db_url)
    findings = [_token(settings)]
    if online and findings[0].passed:
        findings.append(asyncio.run(_get_me(settings)))
    return [
        *findings,
        _database(database, starting),
        _key(settings, database),
        _data_dir(settings.data_dir),
        _updates(settings),
        _time(settings),
        _health_port(settings),
        _disk(settings),
    ]


def _token(settings: Settings) -> Finding:
    if not settings.has_token:
        return Finding(
            "token", "BOT_TOKEN is not set", "put BOT_TOKEN=<token from @BotFather> in .env"
        )
    if not _TOKEN.fullmatch(settings.require_token()):
        return Finding(
            "token",
            "BOT_TOKEN does not look like a token (digits, a colon, then letters and digits)",
            "copy it again from @BotFather, without quotes, spaces or the word bot",
        )
    return Finding("token", "looks like a BotFather token")


async def _get_me(settings: Settings) -> Finding:
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    bot = Bot(settings.require_token(), base_url=settings.bot_api_base_url)
    try:
        async with asyncio.timeout(15):
            me = await bot.get_me()
    except InvalidToken:
        return Finding("telegram", "Telegram refused BOT_TOKEN", "check it with @BotFather")
    except (TelegramError, TimeoutError) as exc:
        return Finding(
            "telegram",
            f"Telegram did not answer ({type(exc).__name__})",
            "check this machine reaches api.telegram.org (DNS, firewall, proxy)",
        )
    return Finding("telegram", f"getMe answered: @{me.username}")


def _database(state: DatabaseState, starting: bool) -> Finding:
    if state.error is not None:
        return Finding(
            "database",
            f"unreachable ({state.error})",
            "check DATABASE_URL, that the database server runs and accepts this user",
        )
    if state.revision is not None and state.revision not in state.known:
        return Finding(
            "database",
            f"at revision {state.revision}, which this version of psm-bot does not know",
            "a newer psm-bot migrated it: install that version (or restore a backup)",
        )
    if state.revision != state.head and not starting:
        return Finding(
            "database",
            f"reachable, schema at {state.revision or 'nothing'}, this version needs {state.head}",
            "run `psm-bot migrate` (`psm-bot run` does it too)",
        )
    return Finding("database", f"reachable, schema {state.revision or 'new'} (newest {state.head})")


def _key(settings: Settings, database: DatabaseState) -> Finding:
    path = key_file(settings.data_dir)
    try:
        if settings.data_key is not None:
            where, cipher = "DATA_KEY", Cipher(parse_keys(settings.data_key.get_secret_value()))
        elif path.exists():
            if path.stat().st_mode & 0o077:
                return Finding(
                    "data key",
                    f"{path} can be read by other users",
                    f"chmod 600 {path}",
                )
            where, cipher = str(path), Cipher(parse_keys(path.read_text()))
        elif database.sample_nik is not None:
            return Finding(
                "data key",
                f"no DATA_KEY and no {path}, but the database holds encrypted NIKs",
                "put the key back from your backup (DATA_DIR/data.key or DATA_KEY)",
            )
        else:
            return Finding("data key", f"none yet: the first start creates {path}; back it up")
    except PermissionError:
        return Finding("data key", f"cannot read {path}", "make the bot's user own it (chown)")
    except ValueError as exc:
        return Finding("data key", f"unusable ({exc})", "restore it from your backup")
    if database.sample_nik is not None:
        try:
            cipher.decrypt(database.sample_nik)
        except ValueError:
            return Finding(
                "data key",
                f"{where} does not read the NIKs in the database",
                "use the key that belongs to this database (from its backup)",
            )
        return Finding("data key", f"{where} reads the NIKs in the database")
    return Finding("data key", f"{where} is a usable key (no NIK stored yet)")


def _data_dir(data_dir: Path) -> Finding:
    existing = _nearest_existing(data_dir)
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        return Finding(
            "data dir",
            f"cannot write in {existing} ({exc.strerror})",
            f"give the bot's user {data_dir} (StateDirectory= in the unit does it)",
        )
    return Finding("data dir", f"{data_dir} is writable")


def _nearest_existing(folder: Path) -> Path:
    """The folder, or the closest parent that exists: where the bot would create it."""
    return next(p for p in (folder, *folder.absolute().parents) if p.exists())


def _updates(settings: Settings) -> Finding:
    # WEBHOOK_URL's https and its secret are enforced when settings load; what is left is a
    # clash of the two listeners on one address.
    if not settings.webhook_url:
        return Finding("updates", "long polling (no WEBHOOK_URL)")
    same = (settings.webhook_listen, settings.webhook_port)
    if same == (settings.health_listen, settings.health_port):
        return Finding(
            "updates",
            f"WEBHOOK_PORT and HEALTH_PORT are both {settings.webhook_port}",
            "give each its own port",
        )
    return Finding("updates", f"webhook {settings.webhook_url} with a secret token")


def _time(settings: Settings) -> Finding:
    try:
        for part in settings.quiet_hours.split("-"):
            time.fromisoformat(part)
    except ValueError:
        return Finding(
            "time",
            f"QUIET_HOURS {settings.quiet_hours!r} is not two times of day",
            "write it as HH:MM-HH:MM, e.g. 20:00-07:00",
        )
    return Finding("time", f"{settings.timezone}, quiet hours {settings.quiet_hours}")


def _health_port(settings: Settings) -> Finding:
    if settings.health_port == 0:
        return Finding("health", "/healthz is off (HEALTH_PORT=0)")
    where = f"{settings.health_listen}:{settings.health_port}"
    try:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((settings.health_listen, settings.health_port))
    except OSError as exc:
        return Finding(
            "health",
            f"cannot listen on {where} ({exc.strerror})",
            "stop what uses it (a bot already running?) or set another HEALTH_PORT",
        )
    return Finding("health", f"/healthz can listen on {where}")


def _disk(settings: Settings) -> Finding:
    existing = _nearest_existing(settings.data_dir)
    free = shutil.disk_usage(existing).free // 2**20
    if free < settings.min_free_disk_mb:
        return Finding(
            "disk",
            f"{free} MB free under {existing}, below MIN_FREE_DISK_MB={settings.min_free_disk_mb}",
            "free some space (old backups, logs) or grow the disk",
        )
    return Finding("disk", f"{free} MB free under {existing}")


def doctor_command(settings: Settings, online: bool) -> int:
    """Print every check; exit 0 only when all pass."""
    findings = examine(settings, online=online)
    for finding in findings:
        print(finding.line())
    failed = [f for f in findings if not f.passed]
    print(f"{len(failed)} problem(s)" if failed else "all checks passed")
    return 1 if failed else 0


def refuse_unless_ready(settings: Settings) -> bool:
    """For `psm-bot run`: print the failing checks to stderr and say whether to go on."""
    failed = [f for f in examine(settings, starting=True) if not f.passed]
    for finding in failed:
        print(finding.line(), file=sys.stderr)
    return not failed
