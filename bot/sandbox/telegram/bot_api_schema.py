"""Type-level validation of Bot API requests against the vendored schema subset.

``bot_api_subset.json`` was cut once from the official Bot API 10.1 schema: the methods the bot
may call plus every type reachable from their parameters. Only this JSON is read at runtime.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUBSET_PATH = Path(__file__).with_name("bot_api_subset.json")
_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_ARRAY = "Array of "
# Telegram's own wording for the two omissions bots make most often.
_MISSING_TOP_LEVEL = {
    "chat_id": "Bad Request: chat_id is empty",
    "text": "Bad Request: message text is empty",
}


@dataclass(frozen=True)
class UploadedFile:
    """A multipart file part, as the server received it."""

    filename: str
    content_type: str
    data: bytes


class BotApiSchema:
    """The vendored schema subset; use :meth:`load` to share one parsed copy."""

    def __init__(self, path: Path = SUBSET_PATH) -> None:
        raw = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = raw["version"]
        self.methods: dict[str, dict[str, Any]] = raw["methods"]
        self.types: dict[str, dict[str, Any]] = raw["types"]
        # Telegram matches method names case-insensitively ("sendmessage" works).
        self._by_lower = {name.lower(): name for name in self.methods}

    @classmethod
    @functools.cache
    def load(cls) -> BotApiSchema:
        """Parse the subset once per process."""
        return cls()

    def canonical_method(self, name: str) -> str | None:
        """The schema spelling of ``name``, or None when Telegram has no such method."""
        return self._by_lower.get(name.lower())

    def decode_form_value(self, method: str, name: str, raw: str) -> Any:
        """Turn one form-encoded value into what the bot meant to send.

        PTB JSON-encodes every non-string value but sends strings verbatim, so a ``text`` of
        "123" or "true" must stay a string; only JSON-decode where a String is not allowed.
        """
        spec = self.methods.get(method, {}).get("fields", {}).get(name)
        types: list[str] = spec["types"] if spec else []
        if "String" in types and not ("Integer" in types and _INT.fullmatch(raw)):
            return raw
        try:
            return json.loads(raw)
        except ValueError:
            return raw

    def validate(self, method: str, params: Mapping[str, Any]) -> str | None:
        """Return Telegram's error description for an invalid request, or None if it is valid."""
        canonical = self.canonical_method(method)
        if canonical is None:
            return "Not Found"
        fields: dict[str, Any] = self.methods[canonical]["fields"]
        for name, spec in fields.items():
            if spec["required"] and params.get(name) is None:
                return _MISSING_TOP_LEVEL.get(name, f"Bad Request: parameter {name} is required")
        # PTB's Defaults(parse_mode=...) rides along on every call routed through
        # Bot._send_message, even those without the field; Telegram ignores it there.
        if "parse_mode" not in fields:
            params = {k: v for k, v in params.items() if k != "parse_mode"}
        return self._check_fields(fields, params, "")

    def _check_fields(
        self, fields: dict[str, Any], value: Mapping[str, Any], path: str
    ) -> str | None:
        for key, item in value.items():
            if key not in fields:
                return f"Bad Request: unknown field {path}{key}"
            if item is None and not path:
                continue  # an omitted top-level optional parameter
            error = self._check_union(fields[key]["types"], item, f"{path}{key}")
            if error:
                return error
        for key, spec in fields.items():
            if spec["required"] and key not in value:
                return f"Bad Request: field {path}{key} is required"
        return None

    def _check_union(self, types: list[str], value: Any, path: str) -> str | None:
        if len(types) > 1 and all(t.startswith(_ARRAY) for t in types):
            # "Array of A" | "Array of B" accepts mixed arrays (photos + videos in one album).
            if not isinstance(value, list):
                return f"Bad Request: field {path} must be an Array"
            inner = [t.removeprefix(_ARRAY) for t in types]
            return first_error(
                self._check_union(inner, v, f"{path}[{i}]") for i, v in enumerate(value)
            )
        kinds = [self.types.get(t, {}).get("const", {}).get("type") for t in types]
        if (
            len(types) > 1
            and all(kinds)
            and isinstance(value, dict)
            and value.get("type") not in kinds
        ):
            return f"Bad Request: field {path}.type must be one of {', '.join(map(str, kinds))}"
        errors: list[tuple[int, str]] = []
        for type_name in types:
            error = self._check_type(type_name, value, path)
            if error is None:
                return None
            errors.append((self._overlap(type_name, value), error))
        best_score, best_error = max(errors, key=lambda pair: pair[0])
        if best_score or len(types) == 1:
            return best_error
        return f"Bad Request: field {path} must be of type {' or '.join(types)}"

    def _overlap(self, type_name: str, value: Any) -> int:
        """How many of ``value``'s keys ``type_name`` knows: picks the union member meant."""
        spec = self.types.get(type_name, {})
        if not isinstance(value, dict):
            return 0
        if "subtypes" in spec:
            return max(self._overlap(sub, value) for sub in spec["subtypes"])
        const = spec.get("const", {})
        # A matching discriminator ("type": "photo") outweighs any count of shared keys.
        bonus = 100 if const and all(value.get(k) == v for k, v in const.items()) else 0
        return len(set(value) & set(spec.get("fields", {}))) + bonus

    def _check_type(self, type_name: str, value: Any, path: str) -> str | None:
        if type_name.startswith(_ARRAY):
            if not isinstance(value, list):
                return f"Bad Request: field {path} must be an Array"
            inner = type_name.removeprefix(_ARRAY)
            return first_error(
                self._check_type(inner, v, f"{path}[{i}]") for i, v in enumerate(value)
            )
        if type_name in _SCALARS:
            ok = _SCALARS[type_name](value)
            return None if ok else f"Bad Request: field {path} must be of type {type_name}"
        spec = self.types[type_name]
        if "subtypes" in spec:
            return self._check_union(spec["subtypes"], value, path)
        if not isinstance(value, dict):
            return f"Bad Request: field {path} must be an Object ({type_name})"
        for key, expected in spec.get("const", {}).items():
            if value.get(key) != expected:
                return f'Bad Request: field {path}.{key} must be "{expected}"'
        if not spec.get("fields"):
            return None  # placeholder types such as CallbackGame accept any object
        return self._check_fields(spec["fields"], value, f"{path}.")


def first_error(errors: Iterable[str | None]) -> str | None:
    """The first non-empty error, evaluating lazily."""
    return next((error for error in errors if error), None)


def _is_integer(value: Any) -> bool:
    if isinstance(value, str):
        return _INT.fullmatch(value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


def _is_float(value: Any) -> bool:
    if isinstance(value, str):
        return _FLOAT.fullmatch(value) is not None
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_string(value: Any) -> bool:
    # TDLib stringifies JSON numbers given for String fields, so those are accepted too.
    return isinstance(value, str) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def _is_boolean(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in {"true", "false", "1", "0"}
    return isinstance(value, bool) or value in (0, 1)


def _is_input_file(value: Any) -> bool:
    return isinstance(value, UploadedFile) or (
        isinstance(value, str) and value.startswith("attach://")
    )


_SCALARS = {
    "Integer": _is_integer,
    "Float": _is_float,
    "String": _is_string,
    "Boolean": _is_boolean,
    "InputFile": _is_input_file,
}
