"""Drafts kept in persisted user_data as plain dicts: the SQL persistence stores JSON."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")


def load(user_data: dict[str, Any] | None, key: str, kind: type[D]) -> D:
    """The draft stored under `key`; LookupError when none is in progress."""
    stored = (user_data or {}).get(key)
    if not isinstance(stored, dict):
        raise LookupError(f"no {key} draft in progress")
    # Keys an older version of the bot stored, and this one no longer knows, are dropped.
    known = {f.name for f in fields(kind)}
    return kind(**{name: value for name, value in stored.items() if name in known})


def store(user_data: dict[str, Any] | None, key: str, draft: DataclassInstance | None) -> None:
    """Keep the draft under `key`, or forget it when None."""
    if user_data is None:
        return
    if draft is None:
        user_data.pop(key, None)
    else:
        user_data[key] = asdict(draft)
