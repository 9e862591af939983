"""Every chart renders as a square PNG a phone shows full width, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.insight.charts import render_all
from bot.insight.figures import figures
from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.stats import Stats
from bot.insight.summary import CAPTION_LIMIT, summary
from tests.insight.charts_sample import busy_month, labels, png_size
from tests.texts import said

CHARTS = ["category", "area", "urgency", "status", "flow", "timing", "referrals", "psm"]


@pytest.mark.parametrize("locale", ["id", "en"])
async def test_each_chart_renders_as_a_1080_pixel_png(locale: str) -> None:
    stats = busy_month()
    specs = figures(stats, labels(locale))
    assert [spec.key for spec in specs] == CHARTS
    charts = await render_all(specs)
    assert [png_size(chart.png) for chart in charts] == [(1080, 1080)] * len(CHARTS)
    # The numbers on the bars are the summary's numbers.
    category = specs[0]
    assert category.series[0].values == tuple(stats.by_group.values())
    assert sum(stats.by_area.values()) == sum(specs[1].series[0].values)


def test_a_year_has_a_bar_pair_per_month_and_a_kecamatan_its_kelurahan() -> None:
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    stats = busy_month(Scope(("367101",)), year)
    specs = {spec.key: spec for spec in figures(stats, labels("en"))}
    assert specs["flow"].labels[:3] == ("Jan", "Feb", "Mar") and len(specs["flow"].labels) == 12
    assert specs["area"].title == said("rekap-chart-area-kelurahan", "en")
    # Thirteen kecamatan codes are no kelurahan: seven shown, the rest summed as "Others".
    assert len(specs["area"].labels) == 8 and specs["area"].labels[-1] == said("rekap-others", "en")


def test_a_period_without_cases_has_no_charts_and_says_so() -> None:
    empty = Stats(Scope(), Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert figures(empty, labels()) == []
    assert said("rekap-summary-empty") in summary(empty, labels())


def test_the_summary_fits_an_album_caption() -> None:
    everything = Scope(tuple(k.code for k in labels().regions.kecamatan))
    text = summary(busy_month(everything), labels(), names=True)
    assert len(text) <= CAPTION_LIMIT
    median, p90 = said("rekap-days", days="1,2"), said("rekap-days", days="4,8")
    assert said("rekap-summary-verify", median=median, p90=p90, count=1000) in text
