"""Every chart renders as a square PNG a phone shows full width, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.insight.charts import draw, render_all
from bot.insight.figures import figures
from bot.insight.periods import Period
from bot.insight.scope import Scope
from bot.insight.stats import Stats
from bot.insight.summary import CAPTION_LIMIT, summary
from bot.insight.timing import Timing
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


def _texts_outside(figure: Figure) -> list[str]:
    """Every text drawn on the chart whose box reaches past the picture's edge."""
    figure.canvas.draw()  # lays out the legend and tick labels where the PNG has them
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    edge = figure.bbox
    outside = []
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < edge.x0 or box.x1 > edge.x1 or box.y0 < edge.y0 or box.y1 > edge.y1:
            outside.append(text.get_text())
    return outside


@pytest.mark.parametrize("locale", ["id", "en"])
def test_no_label_is_cut_off_at_the_edge_of_any_chart(locale: str) -> None:
    stats = busy_month()
    # A long overdue note after the longest bar, as /rekap showed "6 terlambat" cut off.
    stats.referrals[0] = replace(stats.referrals[0], overdue=123456)
    for spec in figures(stats, labels(locale)):
        assert _texts_outside(draw(spec)) == [], spec.key


def test_minutes_to_verification_are_drawn_in_minutes_not_as_zero_days() -> None:
    stats = replace(
        busy_month(), verify=Timing(3, 5 / 1440, 20 / 1440), close=Timing(1, 0.01, 0.01)
    )
    timing = next(s for s in figures(stats, labels()) if s.key == "timing")
    assert timing.title == said("rekap-chart-timing-minutes")
    assert timing.series[0].values == pytest.approx((5, 14.4))
    text = summary(stats, labels())
    verify = said("rekap-minutes", minutes="5"), said("rekap-minutes", minutes="20")
    close = said("rekap-minutes", minutes="14,4"), said("rekap-minutes", minutes="14,4")
    assert said("rekap-summary-verify", median=verify[0], p90=verify[1], count=3) in text
    assert said("rekap-summary-close", median=close[0], p90=close[1], count=1) in text


def test_a_chart_of_only_zeros_says_there_is_no_data_instead_of_drawing_bars() -> None:
    stats = replace(busy_month(), verify=Timing(2, 0.0, 0.0), close=Timing())
    timing = next(s for s in figures(stats, labels()) if s.key == "timing")
    figure = draw(timing)
    assert figure.axes == []
    assert said("rekap-no-data") in [t.get_text() for t in figure.texts]
