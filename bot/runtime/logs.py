"""What the logs may carry: ids, code locations and exception types, never personal data.

Exception messages are where personal data leaks: `int("Mak Onah")` puts a name in a ValueError,
a database error quotes the row it failed to write. So every log record's exception is replaced,
as the record is made, by a traceback of code locations and exception types; messages are kept
only for exception types whose texts come from Telegram, the network or SQLite's schema checks.
Libraries fill their messages with what passes through them (aiosqlite a statement's parameters,
PTB an update it could not read, httpx a URL with the token), at any level: their records keep
only numbers, times and described exceptions, and every other value becomes its type's name.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from telegram.error import TelegramError

# Exception types whose message is written by a library about itself, never from user data.
SAFE_MESSAGES: tuple[type[BaseException], ...] = (TelegramError, OSError, sqlite3.Error)
# Libraries that log whole requests and updates at DEBUG: they stay at INFO or above.
CHATTY_LIBRARIES = {
    "telegram": logging.INFO,
    "httpx": logging.WARNING,  # INFO is one line per request, bot token in the URL included
    "httpcore": logging.WARNING,
    "apscheduler": logging.WARNING,  # INFO is one line per job run
    "sqlalchemy": logging.WARNING,
    "alembic.runtime.plugins": logging.WARNING,  # INFO is a line per plugin each time it loads
    "asyncio": logging.INFO,
    "aiosqlite": logging.WARNING,  # DEBUG is every statement with its parameters
    "asyncpg": logging.WARNING,
    "aiohttp": logging.WARNING,  # INFO is the access log
}
# Loggers whose messages are this project's own, written to carry ids only (alembic's: revision
# ids of our migrations). Every other logger's values are reduced to their types.
OWN_LOGGERS = ("bot", "handlers", "storage", "alembic", "__main__")
# Values a library may log as they are: they describe its work, never a person.
SAFE_VALUES = (int, float, bool, type(None), datetime, date, timedelta)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_MESSAGE = 300
_MAX_STATEMENT = 120


def _type_name(error: BaseException) -> str:
    kind = type(error)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"


def _describe_one(error: BaseException) -> str:
    """The type, plus whatever of the error is known to hold no personal data."""
    parts = [_type_name(error)]
    # asyncpg's errors: the SQLSTATE and constraint say what failed; the message may quote values.
    for attribute in ("sqlstate", "constraint_name"):
        value = getattr(error, attribute, None)
        if isinstance(value, str) and value:
            parts.append(f"{attribute}={value}")
    statement = getattr(error, "statement", None)  # SQLAlchemy: the SQL, parameters not bound
    if isinstance(statement, str):
        parts.append("in " + " ".join(statement.split())[:_MAX_STATEMENT])
    text = _type_name(error) if len(parts) == 1 else f"{parts[0]} ({', '.join(parts[1:])})"
    if isinstance(error, SAFE_MESSAGES) and str(error):
        text += ": " + str(error)[:_MAX_MESSAGE]
    return text


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and its causes, outermost first (as `raise ... from` links them)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )


def describe(error: BaseException | None) -> str:
    """One line naming the error and its causes, fit for a log line or an admin's report."""
    if error is None:
        return "-"
    links = [_describe_one(link) for link in _chain(error)]
    if len(links) > 3:  # the outer layers and the root cause say enough on one line
        links = [*links[:2], "...", links[-1]]
    return " <- ".join(links)


def safe_traceback(error: BaseException) -> str:
    """A traceback as Python prints it, with each exception's message left out."""
    blocks = []
    for link in reversed(list(_chain(error))):
        frames = traceback.StackSummary.extract(traceback.walk_tb(link.__traceback__))
        blocks.append(
            "Traceback (most recent call last):\n"
            + "".join(frames.format())
            + _describe_one(link)
            + "\n"
        )
    return "\nwhich then caused:\n\n".join(blocks)


def _safe_arg(value: Any) -> Any:
    return describe(value) if isinstance(value, BaseException) else value


def _library_arg(value: Any) -> Any:
    """What a library's log line may show of a value: numbers, times, members of an enum and
    described exceptions; anything else (texts, bytes, updates, requests) by its type only."""
    if isinstance(value, BaseException):
        return describe(value)
    if isinstance(value, SAFE_VALUES):  # an IntEnum too, which `%d` may format
        return value
    if isinstance(value, Enum):
        return f"{type(value).__name__}.{value.name}"
    return f"<{type(value).__name__}>"


def _is_own(name: str) -> bool:
    return name.split(".", 1)[0] in OWN_LOGGERS


def _redact(record: logging.LogRecord) -> logging.LogRecord:
    if record.exc_info and record.exc_info[1] is not None:
        # Formatters print exc_text as is; without exc_info they never format the exception.
        record.exc_text = safe_traceback(record.exc_info[1])
        record.exc_info = None
    safe = _safe_arg if _is_own(record.name) else _library_arg
    if not isinstance(record.msg, str):
        record.msg = str(safe(record.msg))
    if isinstance(record.args, tuple):
        record.args = tuple(safe(arg) for arg in record.args)
    elif isinstance(record.args, Mapping):
        record.args = {key: safe(value) for key, value in record.args.items()}
    return record


def redact_records() -> None:
    """Make every log record of this process carry safe exceptions (idempotent).

    A record factory rather than a handler filter: it covers every handler, including ones
    added later (a test's log capture, an operator's extra handler).
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "redacting", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _redact(previous(*args, **kwargs))

    factory.redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def configure_logging(level: str) -> None:
    """Log to stderr at `level`; chatty libraries no lower than their safe level."""
    redact_records()
    logging.basicConfig(format=FORMAT)
    logging.getLogger().setLevel(level)
    numeric = logging.getLevelName(level)
    for name, floor in CHATTY_LIBRARIES.items():
        logging.getLogger(name).setLevel(max(numeric, floor))
