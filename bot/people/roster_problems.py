"""What is wrong with a roster file, line by line, as catalog texts in the reader's language.

The readers (roster.py, roster_file.py, roster_xlsx.py) name each problem as a value; /impor
words it in the coordinator's language and `psm-bot import-roster` in English.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.runtime.texts import Html, Texts


class Column(StrEnum):
    """A roster column as stored; the catalogs name it as `roster-column-{column}`."""

    NAME = "name"
    PHONE = "phone"
    KELURAHAN = "kelurahan"
    KECAMATAN = "kecamatan"
    ROLE = "role"


class Cell(str):
    """Text as the file holds it, quoted in a problem; cut short where room is scarce."""


class Issue(StrEnum):
    """What is wrong with a line; each has its catalog text `roster-problem-{issue}`."""

    NAME_EMPTY = "name-empty"
    ROLE_UNKNOWN = "role-unknown"
    PHONE_INVALID = "phone-invalid"
    PHONE_REPEATED = "phone-repeated"
    KECAMATAN_UNKNOWN = "kecamatan-unknown"
    KELURAHAN_UNKNOWN = "kelurahan-unknown"
    PSM_WITHOUT_KELURAHAN = "psm-without-kelurahan"
    COORDINATOR_WITHOUT_KECAMATAN = "coordinator-without-kecamatan"
    FORMULA = "formula"  # a warning: the row is imported
    NO_HEADER = "no-header"
    UNKNOWN_COLUMNS = "unknown-columns"
    CONTROL_CHARACTER = "control-character"
    TOO_LONG = "too-long"
    QUOTE_NOT_CLOSED = "quote-not-closed"
    NOT_CSV = "not-csv"
    WORKBOOK_AS_CSV = "workbook-as-csv"
    BROKEN_UTF16 = "broken-utf16"
    MIXED_ENCODINGS = "mixed-encodings"
    NOT_TEXT = "not-text"
    UNREADABLE_WORKBOOK = "unreadable-workbook"
    # The file passes a limit of bot/people/roster_limits.py; `limit` says how far it may go.
    LIMIT_ROWS = "limit-rows"
    LIMIT_COLUMNS = "limit-columns"
    LIMIT_CELLS = "limit-cells"
    LIMIT_PARTS = "limit-parts"
    LIMIT_INFLATED = "limit-inflated"
    LIMIT_STRINGS = "limit-strings"
    LIMIT_STYLES = "limit-styles"
    LIMIT_TIME = "limit-time"


@dataclass(frozen=True)
class RosterProblem:
    """A problem on a line of the file (or, in a workbook, the spreadsheet row)."""

    line: int
    issue: Issue
    # Values for the catalog text (strings are escaped when rendered): a Column is named in
    # the reader's language, a Cell is what the file holds.
    args: Mapping[str, str | int] = field(default_factory=dict)


def in_words(problem: RosterProblem, texts: Texts, locale: str, longest: int | None = None) -> Html:
    """The problem in `locale` as HTML; with `longest`, cells from the file are cut to it."""
    args: dict[str, object] = {}
    for name, value in problem.args.items():
        if isinstance(value, Column):
            args[name] = texts.get(locale, f"roster-column-{value}")
        elif isinstance(value, Cell) and longest is not None and len(value) > longest:
            args[name] = value[: longest - 1] + "…"
        else:
            args[name] = value
    # A line number is the row Excel shows: "1234", never "1.234".
    return texts.get(locale, f"roster-problem-{problem.issue}", line=str(problem.line), **args)


def in_plain_words(problem: RosterProblem, texts: Texts, locale: str) -> str:
    """The problem in `locale` as plain text, for a terminal."""
    return html.unescape(in_words(problem, texts, locale))
