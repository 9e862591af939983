"""PPKS categories (Pemerlu Pelayanan Kesejahteraan Sosial), grouped for two-tap choice."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Category:
    code: int
    group: str
    name_id: str
    name_en: str

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_id


@dataclass(frozen=True)
class Categories:
    items: tuple[Category, ...]

    @property
    def groups(self) -> list[str]:
        """Group keys in file order; their labels live in the text catalogs."""
        return list(dict.fromkeys(item.group for item in self.items))

    def in_group(self, group: str) -> list[Category]:
        return [item for item in self.items if item.group == group]

    def get(self, code: int) -> Category | None:
        return next((item for item in self.items if item.code == code), None)


def load_categories(path: Path) -> Categories:
    """Read the CSV (code, group, name_id, name_en)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Category(int(row["code"]), row["group"], row["name_id"], row["name_en"])
            for row in csv.DictReader(handle)
        ]
    return Categories(tuple(rows))
