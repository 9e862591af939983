"""The short text that goes with the charts, written from the same figures."""

from __future__ import annotations

from bot.insight.labels import Labels
from bot.insight.stats import Stats
from bot.runtime.texts import Html
from storage.cases import Urgency

# A photo album's caption holds 1024 characters; the monthly report's text is one.
CAPTION_LIMIT = 1024
TOP_GROUPS = 2


def summary(stats: Stats, labels: Labels, names: bool = False) -> Html:
    """Period, area and the main figures; with `names`, also who has gone quiet (for /rekap)."""
    lines = [
        labels.html(
            "rekap-summary-title",
            period=labels.period(stats.period),
            scope=labels.scope(stats.scope),
        )
    ]
    if stats.total == 0:
        lines.append(labels.html("rekap-summary-empty"))
    else:
        lines += _cases(stats, labels)
    lines += _follow_up(stats, labels)
    psm = stats.psm
    if psm.total or psm.reporting:
        lines.append(
            labels.html(
                "rekap-summary-psm", reporting=psm.reporting, total=psm.total, quiet=psm.quiet
            )
        )
    if names and psm.quiet_names:
        more = psm.quiet - len(psm.quiet_names)
        lines.append(
            labels.html("rekap-summary-quiet", names=", ".join(psm.quiet_names), more=more)
        )
    return Html("\n".join(lines))


def _cases(stats: Stats, labels: Labels) -> list[Html]:
    groups = sorted(stats.by_group.items(), key=lambda kv: -kv[1])[:TOP_GROUPS]
    top = ", ".join(f"{labels.group(g)} ({labels.number(n)})" for g, n in groups if n)
    urgency = {u.value: stats.by_urgency.get(u.value, 0) for u in Urgency}
    return [
        labels.html("rekap-summary-cases", total=stats.total, closed=stats.closed),
        labels.html("rekap-summary-urgency", **urgency),
        labels.html("rekap-summary-top", groups=top),
    ]


def _follow_up(stats: Stats, labels: Labels) -> list[Html]:
    lines = []
    for key, timing in (("verify", stats.verify), ("close", stats.close)):
        if timing.count:
            lines.append(
                labels.html(
                    f"rekap-summary-{key}",
                    count=timing.count,
                    median=labels.days(timing.median_days),
                    p90=labels.days(timing.p90_days),
                )
            )
    if stats.referrals:
        lines.append(
            labels.html(
                "rekap-summary-referrals",
                total=sum(r.total for r in stats.referrals),
                pending=sum(r.outcomes["pending"] for r in stats.referrals),
                overdue=sum(r.overdue for r in stats.referrals),
            )
        )
    return lines
