"""Kecamatan and kelurahan of the city, loaded from a Kemendagri-coded CSV file."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar


@dataclass(frozen=True)
class Kelurahan:
    code: str
    name: str
    kecamatan_code: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kecamatan:
    code: str
    name: str
    kelurahan: tuple[Kelurahan, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regions:
    """The region list of one city; codes are Kemendagri codes without dots."""

    city: str
    kecamatan: tuple[Kecamatan, ...]
    _by_code: dict[str, Kecamatan | Kelurahan] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for kec in self.kecamatan:
            self._by_code[kec.code] = kec
            for kel in kec.kelurahan:
                self._by_code[kel.code] = kel

    def get_kecamatan(self, code: str) -> Kecamatan | None:
        found = self._by_code.get(code)
        return found if isinstance(found, Kecamatan) else None

    def get_kelurahan(self, code: str) -> Kelurahan | None:
        found = self._by_code.get(code)
        return found if isinstance(found, Kelurahan) else None

    def name_of(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.name if found else "-"

    def find_kecamatan(self, text: str) -> Kecamatan | None:
        """Find a kecamatan by code (with or without dots) or name, ignoring case and spaces."""
        return _find(self.kecamatan, text)

    def find_kelurahan(self, text: str, kecamatan: Kecamatan | None = None) -> Kelurahan | None:
        """Find a kelurahan by code or name (2022 spellings too), optionally within a kecamatan."""
        scope = (
            kecamatan.kelurahan if kecamatan else [k for c in self.kecamatan for k in c.kelurahan]
        )
        return _find(scope, text)


class _Named(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


T = TypeVar("T", bound=_Named)


def _find(items: Iterable[T], text: str) -> T | None:
    wanted = _key(text)
    for item in items:
        names = (item.name, *item.aliases)
        if wanted.replace(".", "") == item.code or any(_key(name) == wanted for name in names):
            return item
    return None


def _key(text: str) -> str:
    return "".join(text.lower().split())


def load_regions(path: Path) -> Regions:
    """Read the CSV (kode, kode_kemendagri_tanpa_titik, level, nama..., nama_varian...)."""
    city = ""
    kecamatan: dict[str, list[Kelurahan]] = {}
    names: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, level, name = (
                row["kode_kemendagri_tanpa_titik"],
                row["level"],
                row["nama_kepmendagri_2025"],
            )
            if level == "kota":
                city = name
            elif level == "kecamatan":
                kecamatan.setdefault(code, [])
                names[code] = name
            elif level == "kelurahan":
                alias = (row.get("nama_varian_2022") or "").strip()
                kel = Kelurahan(code, name, code[:6], (alias,) if alias else ())
                kecamatan.setdefault(code[:6], []).append(kel)
    return Regions(
        city=city,
        kecamatan=tuple(
            Kecamatan(code, names[code], tuple(kels)) for code, kels in kecamatan.items()
        ),
    )
