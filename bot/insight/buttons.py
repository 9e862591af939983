"""The buttons under a /rekap answer: exports (`rk:x`), and the full-NIK confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.runtime.callbacks import Callback


class ExportKind(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    FULL = "full"  # XLSX with full NIKs, admins only, confirmed first


@dataclass(frozen=True)
class RekapExport(Callback, prefix="rk:x"):
    """Carries its area and period, so it works as long as the message lasts; the area is
    checked again on every tap."""

    kind: ExportKind
    area: str
    period: str  # Period.encode(), read with Period.decode()


@dataclass(frozen=True)
class FullExportConfirmed(Callback, prefix="rk:y"):
    area: str
    period: str


@dataclass(frozen=True)
class FullExportDeclined(Callback, prefix="rk:n"):
    pass
