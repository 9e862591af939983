"""One XLSX export of October 2026 as the admin; bench/insight.py runs it in a fresh process."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from bench.insight_data import ADMIN_TELEGRAM_ID, QUERY_NOW
from bot.insight.exports import ExportRequest, Format, export_cases
from bot.insight.labels import Labels
from bot.insight.periods import Period
from bot.insight.scope import CITY
from bot.privacy.crypto import Cipher
from bot.reference.categories import load_categories
from bot.reference.regions import load_regions
from bot.reference.sectors import load_sectors
from bot.runtime.clock import FixedClock
from bot.runtime.context import Services
from bot.runtime.settings import load_settings
from bot.runtime.texts import Texts
from storage.db import create_engine, create_sessions


async def export_once(url: str, folder: Path) -> dict[str, Any]:
    settings = load_settings(_env_file=None, database_url=url)
    engine = create_engine(url)
    texts = Texts()
    services = Services(
        settings=settings,
        engine=engine,
        sessions=create_sessions(engine),
        texts=texts,
        regions=load_regions(settings.region_file),
        categories=load_categories(settings.category_file),
        sectors=load_sectors(settings.sector_file),
        cipher=Cipher([Fernet.generate_key()]),
        clock=FixedClock(QUERY_NOW),
    )
    labels = Labels(texts, "id", services.regions, services.categories, services.sectors)
    october = Period(date(2026, 10, 1), date(2026, 10, 31))
    request = ExportRequest(ADMIN_TELEGRAM_ID, CITY, october, Format.XLSX)
    started = time.perf_counter()
    done = await export_cases(services, request, labels, folder)
    seconds = time.perf_counter() - started
    await engine.dispose()
    return {
        "rows": done.rows,
        "files": len(done.files),
        "bytes": sum(path.stat().st_size for path in done.files),
        "seconds": seconds,
    }
