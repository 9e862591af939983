"""The look of the charts: sizes for a phone screen, the palette, and the axes' furniture.

A chart arrives in Telegram as a 1080 px square and is shown about a third of that wide, so
type sizes are three times what a printed chart would use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from storage.cases import Urgency

SIZE_PX = 1080
DPI = 150
LABEL_WIDTH = 16  # characters per line of a bar's label before it wraps

BACKGROUND = "#FBF7F0"
INK = "#1F2A33"
MUTED = "#5F6B73"
GRID = "#E4DDD1"
# Teal for the main series; the rest tell apart the outcomes and urgencies at a glance.
TEAL, AMBER, CORAL, SLATE, SAGE, SAND = (
    "#1B6F6A",
    "#E39B2D",
    "#D1495B",
    "#30475E",
    "#8AAE92",
    "#C9B79C",
)
URGENCY_COLORS = {
    Urgency.DARURAT: CORAL,
    Urgency.TINGGI: AMBER,
    Urgency.SEDANG: "#E8C547",
    Urgency.RENDAH: SAGE,
}
OUTCOME_COLORS = {"accepted": TEAL, "done": SAGE, "rejected": CORAL, "pending": SAND}

TEXT_SIZES = {
    "title": 21,
    "subtitle": 14,
    "legend": 14,
    "tick": 15,
    "value": 15,
    "value_small": 11,
}


def style_axes(axes: Axes, horizontal: bool) -> None:
    """Only the baseline: the numbers sit on the bars, so the value axis would only repeat them."""
    axes.set_facecolor(BACKGROUND)
    for side in ("top", "right", "bottom" if horizontal else "left"):
        axes.spines[side].set_visible(False)
    axes.spines["left" if horizontal else "bottom"].set_color(GRID)
    axes.spines["left" if horizontal else "bottom"].set_linewidth(2)
    axes.tick_params(colors=INK, labelsize=TEXT_SIZES["tick"], length=0, pad=8)
    (axes.xaxis if horizontal else axes.yaxis).set_visible(False)
