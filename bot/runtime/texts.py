"""User-facing texts: Fluent catalogs per locale, Bahasa Indonesia first."""

from __future__ import annotations

import functools
import html
import logging
from enum import StrEnum
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

LOCALES_DIR = Path(__file__).parents[1] / "locales"


class Locale(StrEnum):
    ID = "id"
    EN = "en"


LOCALES = tuple(locale.value for locale in Locale)
_log = logging.getLogger(__name__)


MAX_MESSAGE = 4096  # Telegram's limit for a message's text


class Html(str):
    """Text that is already HTML (built from escaped parts), passed through unescaped."""


@functools.cache
def _bundle(root: Path, locale: str) -> FluentBundle:
    """A locale's catalogs, parsed once per process: Fluent's parser takes a good half second."""
    bundle = FluentBundle([locale], use_isolating=False)
    for path in sorted((root / locale).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units); for HTML an upper bound of the shown."""
    return len(text.encode("utf-16-le")) // 2


def first_that_fit(lines: list[str], room: int) -> list[str]:
    """The first lines that fit in `room` characters of a message together, one per line."""
    kept: list[str] = []
    for line in lines:
        room -= telegram_length(line) + 1
        if room < 0:
            break
        kept.append(line)
    return kept


class Texts:
    """Format catalog messages; string arguments are HTML-escaped since every message is HTML."""

    def __init__(self, default_locale: str = "id", root: Path = LOCALES_DIR) -> None:
        self.default_locale = default_locale
        self._bundles = {locale: _bundle(root, locale) for locale in LOCALES}

    def get(self, locale: str | None, key: str, **args: object) -> Html:
        """The message in `locale` (or the default); its result is HTML, safe to nest in another."""
        bundle = self._bundles.get(locale or "", self._bundles[self.default_locale])
        if not bundle.has_message(key):
            bundle = self._bundles[self.default_locale]
        message = bundle.get_message(key)
        assert message.value is not None, f"{key} has no value"
        escaped = {
            name: html.escape(value, quote=False)
            if isinstance(value, str) and not isinstance(value, Html)
            else value
            for name, value in args.items()
        }
        text, errors = bundle.format_pattern(message.value, escaped)
        for error in errors:
            _log.error("catalog %s/%s: %s", locale, key, error)
        return Html(text)

    def has(self, key: str) -> bool:
        """Whether the default catalog names `key` (for labels of codes a catalog may not know)."""
        return self._bundles[self.default_locale].has_message(key)

    def plain(self, locale: str | None, key: str, **args: object) -> str:
        """The message as plain text, for spreadsheets, charts and button labels."""
        return html.unescape(self.get(locale, key, **args))

    def all_labels(self, key: str) -> set[str]:
        """A button label in every locale, to recognise a reply-keyboard press in any language."""
        return {self.get(locale, key) for locale in LOCALES}
