"""Partner sectors a case can be referred to; data, so each city can list its own."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sector:
    code: str
    name_id: str
    name_en: str

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_id


@dataclass(frozen=True)
class Sectors:
    items: tuple[Sector, ...]

    def get(self, code: str) -> Sector | None:
        return next((item for item in self.items if item.code == code), None)

    def name(self, code: str, locale: str) -> str:
        sector = self.get(code)
        return sector.name(locale) if sector else code


def load_sectors(path: Path) -> Sectors:
    """Read the CSV (code, name_id, name_en)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return Sectors(
            tuple(Sector(r["code"], r["name_id"], r["name_en"]) for r in csv.DictReader(handle))
        )
