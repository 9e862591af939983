"""Figures for a busy month in the city, and reading a PNG's size from its header."""

from __future__ import annotations

import struct
from datetime import date

from bot.insight.activity import PsmActivity, SectorReferrals
from bot.insight.labels import Labels
from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.stats import Bucket, Stats
from bot.insight.timing import Timing
from bot.reference.categories import load_categories
from bot.reference.regions import load_regions
from bot.reference.sectors import load_sectors
from bot.runtime.settings import BUNDLED_DATA
from bot.runtime.texts import Texts

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def labels(locale: str = "id") -> Labels:
    return Labels(
        Texts(),
        locale,
        load_regions(BUNDLED_DATA / "kota_tangerang_wilayah.csv"),
        load_categories(BUNDLED_DATA / "ppks_categories.csv"),
        load_sectors(BUNDLED_DATA / "sectors.csv"),
    )


def busy_month(scope: Scope | None = None, period: Period | None = None) -> Stats:
    period = period or Period(date(2026, 10, 1), date(2026, 10, 31))
    regions = labels().regions
    return Stats(
        scope=scope or Scope(),
        period=period,
        total=1234,
        by_group={"anak": 310, "lansia": 402, "jalanan": 120, "korban": 95, "keluarga": 307},
        by_area={k.code: 40 + 9 * i for i, k in enumerate(regions.kecamatan)},
        by_urgency={"darurat": 41, "tinggi": 220, "sedang": 700, "rendah": 273},
        by_status={"baru": 200, "diverifikasi": 330, "dirujuk": 180, "selesai": 524},
        flow=[Bucket(b, 250 + i, 180 + i) for i, b in enumerate(period.buckets())],
        verify=Timing(1000, 1.25, 4.8),
        close=Timing(524, 9.5, 27.3),
        referrals=[
            SectorReferrals(
                "dinkes", {"accepted": 40, "rejected": 3, "done": 22, "pending": 18}, 6
            ),
            SectorReferrals("ppa", {"accepted": 8, "rejected": 0, "done": 4, "pending": 9}, 0),
        ],
        psm=PsmActivity(412, 288, 37, [(f"PSM {i}", 30 - i) for i in range(8)], ["Ani"]),
    )
