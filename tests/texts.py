"""Catalog messages as the user reads them, so tests check keys and values, not wording.

`said(key, **args)` is the whole message; `said_pattern(key, **args)` matches it with any
value in the places whose arguments are not given (and names those places, for reading back
what the bot filled in). Rewording a `.ftl` text changes both, so the tests keep passing.
"""

from __future__ import annotations

import functools
import re

from fluent.syntax import Visitor, ast, parse

from bot.runtime.texts import LOCALES_DIR, Texts
from bot.sandbox.telegram import parse_html

TEXTS = Texts()
_MARK = re.compile(r"\ue000(\w+)\ue001")


class _Variables(Visitor):
    """The variables a message uses, and those that choose between its variants."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()
        self.selectors: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.used.add(node.id.name)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference):
            self.selectors.add(node.selector.id.name)
        self.generic_visit(node)


@functools.cache
def _variables(locale: str, key: str) -> _Variables:
    entry = _messages(locale).get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in the {locale} catalogs")
    found = _Variables()
    found.visit(entry)
    return found


@functools.cache
def _messages(locale: str) -> dict[str, ast.Message]:
    """Every message of a locale's catalogs, parsed once a session (parsing is slow)."""
    return {
        entry.id.name: entry
        for path in sorted((LOCALES_DIR / locale).glob("*.ftl"))
        for entry in parse(path.read_text(encoding="utf-8")).body
        if isinstance(entry, ast.Message)
    }


def _check(locale: str, key: str, args: dict[str, object]) -> _Variables:
    variables = _variables(locale, key)
    unused = args.keys() - variables.used
    assert not unused, f"{key} has no {sorted(unused)}, only {sorted(variables.used)}"
    return variables


def said(key: str, locale: str = "id", **args: object) -> str:
    """The message `key` with every argument given, as plain text the way Telegram shows it."""
    missing = _check(locale, key, args).used - args.keys()
    assert not missing, f"{key} needs {sorted(missing)}; use said_pattern for a partial match"
    return parse_html(TEXTS.get(locale, key, **args)).text


def said_pattern(key: str, locale: str = "id", **args: object) -> re.Pattern[str]:
    """The message `key` where each argument not given matches any value, as a named group."""
    variables = _check(locale, key, args)
    unchosen = variables.selectors - args.keys()
    assert not unchosen, f"{key} picks its wording by {sorted(unchosen)}: give them"
    marks = {name: f"\ue000{name}\ue001" for name in variables.used - args.keys()}
    plain = re.escape(parse_html(TEXTS.get(locale, key, **marks, **args)).text)
    named: set[str] = set()

    def wildcard(mark: re.Match[str]) -> str:
        name = mark.group(1)
        if name in named:
            return f"(?P={name})"
        named.add(name)
        # A value at the end of the message runs to the end of its line, not one character.
        return f"(?P<{name}>[^\n]+)" if mark.end() == len(plain) else f"(?P<{name}>.+?)"

    return re.compile(_MARK.sub(wildcard, plain), re.DOTALL)
