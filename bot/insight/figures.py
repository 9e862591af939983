"""Which charts a period's figures make, labelled in the reader's language.

Each chart takes its numbers from the same `Stats` the text summary is written from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.cases import Status
from bot.insight.activity import OUTCOMES
from bot.insight.chart_style import AMBER, OUTCOME_COLORS, SAND, SLATE, TEAL, URGENCY_COLORS
from bot.insight.charts import ChartSpec, Series
from bot.insight.labels import Labels, duration_unit
from bot.insight.periods import WEEKLY_UP_TO
from bot.insight.stats import Stats
from storage.cases import Urgency

# Few bars read well on a phone: the biggest ones, the rest summed up in one "others" bar.
MOST_BARS = 8
OTHERS = ""
Bar = tuple[str, float, str]  # label, value, colour


def _top(counts: dict[str, int], most: int) -> list[tuple[str, int]]:
    ranked = sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= most:
        return ranked
    return [*ranked[: most - 1], (OTHERS, sum(v for _, v in ranked[most - 1 :]))]


def figures(stats: Stats, labels: Labels) -> list[ChartSpec]:
    """The charts worth drawing: none for a period without cases, none for empty parts."""
    if stats.total == 0:
        return []
    subtitle = f"{labels.scope(stats.scope)} · {labels.period(stats.period)}"

    def bars(key: str, title: str, shown: Sequence[Bar]) -> ChartSpec:
        series = Series(
            labels.plain("rekap-series-cases"),
            tuple(value for _, value, _ in shown),
            TEAL,
            colors=tuple(color for _, _, color in shown),
        )
        names = tuple(label for label, _, _ in shown)
        return ChartSpec(key, labels.plain(title), subtitle, names, (series,), labels.number)

    others = labels.plain("rekap-others")
    # The city's kecamatan are few enough to show them all; a kecamatan's kelurahan are not.
    unit, most = (
        ("kecamatan", len(labels.regions.kecamatan))
        if stats.scope.city
        else ("kelurahan", MOST_BARS)
    )
    areas = [
        (labels.regions.name_of(code) if code else others, n, TEAL if code else SAND)
        for code, n in _top(stats.by_area, most)
    ]
    statuses = [(labels.status(s.value), stats.by_status.get(s.value, 0), SLATE) for s in Status]
    urgencies = [
        (labels.urgency(u.value), stats.by_urgency.get(u.value, 0), URGENCY_COLORS[u])
        for u in Urgency
    ]
    charts = [
        bars(
            "category",
            "rekap-chart-category",
            [(labels.group(g), n, TEAL) for g, n in stats.by_group.items() if n],
        ),
        bars("area", f"rekap-chart-area-{unit}", areas),
        bars("urgency", "rekap-chart-urgency", [bar for bar in urgencies if bar[1]]),
        bars("status", "rekap-chart-status", [bar for bar in statuses if bar[1]]),
        _flow(stats, labels, subtitle),
    ]
    if stats.verify.count or stats.close.count:
        charts.append(_timing(stats, labels, subtitle))
    if stats.referrals:
        charts.append(_referrals(stats, labels, subtitle))
    if stats.psm.top:
        charts.append(_psm(stats, labels))
    nothing = labels.plain("rekap-no-data")
    return [replace(chart, empty=nothing) for chart in charts]


def _flow(stats: Stats, labels: Labels, subtitle: str) -> ChartSpec:
    weekly = stats.period.days <= WEEKLY_UP_TO
    return ChartSpec(
        "flow",
        labels.plain("rekap-chart-flow-weekly" if weekly else "rekap-chart-flow-monthly"),
        subtitle,
        tuple(labels.bucket(b.period, weekly) for b in stats.flow),
        (
            Series(labels.plain("rekap-series-new"), tuple(b.new for b in stats.flow), TEAL),
            Series(labels.plain("rekap-series-closed"), tuple(b.closed for b in stats.flow), AMBER),
        ),
        labels.number,
        horizontal=False,
    )


def _timing(stats: Stats, labels: Labels, subtitle: str) -> ChartSpec:
    steps = (stats.verify, stats.close)
    # One unit for the whole chart, from its longest bar: minutes verified read as 0 days.
    unit = duration_unit(max(s.p90_days or 0.0 for s in steps))

    def values(days: Sequence[float | None]) -> tuple[float, ...]:
        return tuple((d or 0.0) * unit.per_day for d in days)

    return ChartSpec(
        "timing",
        labels.plain(f"rekap-chart-timing-{unit.key}"),
        subtitle,
        (
            labels.plain("rekap-step-verify", count=stats.verify.count),
            labels.plain("rekap-step-close", count=stats.close.count),
        ),
        (
            Series(
                labels.plain("rekap-series-median"), values([s.median_days for s in steps]), TEAL
            ),
            Series(labels.plain("rekap-series-p90"), values([s.p90_days for s in steps]), AMBER),
        ),
        labels.number,
    )


def _referrals(stats: Stats, labels: Labels, subtitle: str) -> ChartSpec:
    shown = stats.referrals[:MOST_BARS]
    series = tuple(
        Series(labels.outcome(o), tuple(r.outcomes[o] for r in shown), OUTCOME_COLORS[o])
        for o in OUTCOMES
    )
    overdue = tuple(
        labels.plain("rekap-overdue", overdue=r.overdue) if r.overdue else "" for r in shown
    )
    return ChartSpec(
        "referrals",
        labels.plain("rekap-chart-referrals"),
        subtitle,
        tuple(labels.sector(r.sector) for r in shown),
        series,
        labels.number,
        stacked=True,
        notes=overdue,
    )


def _psm(stats: Stats, labels: Labels) -> ChartSpec:
    psm = stats.psm
    return ChartSpec(
        "psm",
        labels.plain("rekap-chart-psm"),
        labels.plain(
            "rekap-psm-subtitle", reporting=psm.reporting, total=psm.total, quiet=psm.quiet
        ),
        tuple(name for name, _ in psm.top),
        (Series(labels.plain("rekap-series-reports"), tuple(n for _, n in psm.top), TEAL),),
        labels.number,
    )
