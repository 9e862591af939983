"""Callback data: every button the bot draws is a typed value, encoded and parsed here.

A button kind is a frozen dataclass subclassing `Callback` with a unique prefix; its fields are
ints, short tokens or members of a `StrEnum`, joined by ':' (an optional field is '-' when
empty). `pattern()` is the strict regular expression its `CallbackQueryHandler` matches, so
malformed or forged data never reaches a handler: it falls through to the stale-button answer.
Telegram caps callback data at 64 bytes; `encode()` refuses anything longer.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from enum import StrEnum
from typing import Any, ClassVar, Self

MAX_BYTES = 64
EMPTY = "-"
TOKEN = r"[A-Za-z0-9_]+"
# Prefix -> the Callback subclass that owns it.
_prefixes: dict[str, str] = {}


def _reserve_prefix(prefix: str, owner: str) -> None:
    """Claim a prefix for one owner; a second claim by another is a programming error."""
    if _prefixes.get(prefix, owner) != owner:
        raise TypeError(f"callback prefix {prefix!r} already belongs to {_prefixes[prefix]}")
    _prefixes[prefix] = owner


class Callback:
    """Base of every button kind; subclasses are frozen dataclasses with `prefix=...`."""

    PREFIX: ClassVar[str]

    def __init_subclass__(cls, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _reserve_prefix(prefix, f"{cls.__module__}.{cls.__qualname__}")
        cls.PREFIX = prefix

    @classmethod
    @functools.cache  # resolving the hints compiles each annotation: once per kind, not per tap
    def _fields(cls) -> tuple[tuple[str, Any], ...]:
        hints = typing.get_type_hints(cls)
        return tuple((field.name, hints[field.name]) for field in dataclasses.fields(cls))  # type: ignore[arg-type]

    @classmethod
    def pattern(cls, **fixed: object) -> re.Pattern[str]:
        """What this kind's handler matches: exactly the data `encode` can produce, with the
        fields named in `fixed` held to those values."""
        parts = [re.escape(cls.PREFIX)]
        for name, kind in cls._fields():
            regex = re.escape(_format(fixed[name])) if name in fixed else _regex(kind)
            parts.append(f"({regex})")
        return re.compile("^" + ":".join(parts) + "$")

    @classmethod
    def decode(cls, data: str | None) -> Self | None:
        """The button this data encodes, or None when it is not a well-formed one."""
        match = cls.pattern().match(data or "")
        if match is None:
            return None
        values = {
            name: _parse(kind, text)
            for (name, kind), text in zip(cls._fields(), match.groups(), strict=True)
        }
        return cls(**values)

    def encode(self) -> str:
        parts = [self.PREFIX] + [_format(getattr(self, name)) for name, _ in self._fields()]
        data = ":".join(parts)
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data


def prefixes() -> dict[str, str]:
    """Every prefix and its owner, for the test that each handler's pattern has one."""
    return dict(_prefixes)


def _optional(kind: Any) -> Any | None:
    """The inner type of `X | None`, or None when `kind` is not optional."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        inner = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return inner[0]
    return None


def _regex(kind: Any) -> str:
    inner = _optional(kind)
    if inner is not None:
        return f"{re.escape(EMPTY)}|{_regex(inner)}"
    if kind is int:
        # Ids are 32-bit in the database: a longer number cannot name a row, so it is no id.
        return r"\d{1,9}"
    if kind is str:
        return TOKEN
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "|".join(re.escape(member.value) for member in kind)
    raise TypeError(f"unsupported callback field type {kind!r}")


def _parse(kind: Any, text: str) -> Any:
    inner = _optional(kind)
    if inner is not None:
        return None if text == EMPTY else _parse(inner, text)
    return kind(text)


def _format(value: object) -> str:
    if value is None:
        return EMPTY
    text = value.value if isinstance(value, StrEnum) else str(value)
    if not re.fullmatch(TOKEN, text):
        raise ValueError(f"not a callback token: {text!r}")
    return text
