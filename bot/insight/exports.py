"""Exporting a period's cases: authorised per tap, streamed to files, written to the audit log."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Row

from bot.insight.export_files import UPLOAD_LIMIT, CsvParts, PartWriter, XlsxParts
from bot.insight.export_rows import RowFormatter, export_query
from bot.insight.labels import Labels
from bot.insight.periods import Period
from bot.insight.scope import InsightRefused, Scope, may_export_full, resolve_scope
from bot.people import get_user
from bot.privacy.audit import Audit, audit
from bot.runtime.context import Services

BATCH = 1000
# Enough for three kecamatan names; the audit log keeps the exact codes.
AREA_IN_NAME = 40


class Format(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportRequest:
    telegram_id: int
    area: str
    period: Period
    format: Format
    full_nik: bool = False


@dataclass(frozen=True)
class Export:
    files: list[Path]
    rows: int
    scope: Scope


def _write(writer: PartWriter, formatter: RowFormatter, batch: Sequence[Row[Any]]) -> None:
    writer.write([formatter(row) for row in batch])


def _stem(scope: Scope, period: Period, labels: Labels) -> str:
    """A file name a coordinator can read: rekap-Tangerang-2026-12-01_2026-12-04."""
    area = "-".join(re.findall(r"[A-Za-z0-9]+", labels.scope(scope)))[:AREA_IN_NAME].strip("-")
    return f"rekap-{area}-{period.first.isoformat()}_{period.last.isoformat()}"


async def export_cases(
    services: Services,
    request: ExportRequest,
    labels: Labels,
    folder: Path,
    limit: int = UPLOAD_LIMIT,
) -> Export:
    """Write the period's cases into `folder` (InsightRefused when not allowed), then audit."""
    async with services.sessions() as session:
        actor = await get_user(session, request.telegram_id)
        if request.full_nik and not may_export_full(actor):
            raise InsightRefused("full")
        scope = resolve_scope(actor, request.area, services.regions)
        assert actor is not None
        cipher = services.cipher if request.full_nik else None
        text = request.format == Format.CSV
        formatter = RowFormatter(labels, services.settings.tz, cipher, text)
        stem, header = _stem(scope, request.period, labels), formatter.header()
        writer: PartWriter = (
            CsvParts(folder, stem, header, limit)
            if text
            else XlsxParts(folder, stem, header, limit, title=labels.plain("rekap-sheet-cases"))
        )
        span = request.period.bounds(services.settings.tz)
        dialect = session.get_bind().dialect.name
        query = export_query(scope, span, request.full_nik, dialect)
        rows = 0
        result = await session.stream(query.execution_options(yield_per=BATCH))
        async for batch in result.partitions(BATCH):
            await asyncio.to_thread(_write, writer, formatter, batch)
            rows += len(batch)
        files = await asyncio.to_thread(writer.close)
    async with services.sessions.begin() as session:
        audit(
            session,
            Audit.INSIGHT_EXPORT,
            at=services.clock.now(),
            actor_id=actor.id,
            scope=scope.describe(),
            period=request.period.encode(),
            format=request.format.value,
            full_nik=request.full_nik,
            rows=rows,
            files=len(files),
        )
    return Export(files, rows, scope)
