"""The audit log in the reader's language: an action as words, its details as a readable line.

Entries keep codes and ids (they must stay exact for years); only reading them is translated.
A code no catalog knows, from an older release, is shown as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.reference.regions import Regions
from bot.runtime.texts import Texts

# Details that hold area codes, and the word the /rekap scope uses for the whole city.
AREA_KEYS = frozenset({"scope", "kecamatan", "areas"})
WHOLE_CITY = "city"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PERIOD = re.compile(r"(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})(\d{2})")


def _key(code: str) -> str:
    return code.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class AuditWords:
    texts: Texts
    locale: str
    regions: Regions

    def action(self, code: str) -> str:
        """'case.view' as 'membuka kasus'."""
        return self._word("audit-action-", code)

    def detail(self, detail: dict[str, object]) -> str:
        """{"period": "2026010120261204", "scope": "367101"} as
        'periode 01-01-2026 s/d 04-12-2026 · wilayah Tangerang'."""
        return " · ".join(
            f"{self._word('audit-detail-', name)} {self._value(name, value)}"
            for name, value in detail.items()
            if value is not None
        )

    def _word(self, prefix: str, code: str) -> str:
        key = prefix + _key(code)
        return self.texts.plain(self.locale, key) if self.texts.has(key) else code

    def _value(self, name: str, value: object) -> str:
        if isinstance(value, bool):
            return self.texts.plain(self.locale, "audit-yes" if value else "audit-no")
        if isinstance(value, dict):
            return f"({self.detail(value)})"
        if isinstance(value, list | tuple):
            return ", ".join(self._value(name, item) for item in value)
        text = str(value)
        # A value that names one of a few kinds ("by": "case") has words of its own.
        if self.texts.has(kind := f"audit-{_key(name)}-{_key(text)}"):
            return self.texts.plain(self.locale, kind)
        if name in AREA_KEYS:
            return ", ".join(self._area(code) for code in text.split(","))
        if period := _PERIOD.fullmatch(text):
            y1, m1, d1, y2, m2, d2 = period.groups()
            first, last = f"{d1}-{m1}-{y1}", f"{d2}-{m2}-{y2}"
            return self.texts.plain(self.locale, "audit-period", first=first, last=last)
        if day := _ISO_DATE.fullmatch(text):
            return "-".join(reversed(day.groups()))
        return text

    def _area(self, code: str) -> str:
        if code == WHOLE_CITY:
            return self.texts.plain(self.locale, "audit-city")
        name = self.regions.name_of(code)
        return code if name == "-" else name
