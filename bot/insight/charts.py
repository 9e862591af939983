"""Bar charts for a phone screen: one square PNG each, big type, the number on every bar.

Rendering uses matplotlib's object API with the Agg canvas (no pyplot, no global state), one
chart at a time, in a worker thread so the event loop keeps serving other users.
"""

from __future__ import annotations

import asyncio
import io
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.insight.chart_style import (
    BACKGROUND,
    DPI,
    INK,
    LABEL_WIDTH,
    MUTED,
    SIZE_PX,
    TEXT_SIZES,
    style_axes,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Matplotlib's text layout and font caches are shared; one render at a time keeps them safe.
_one_at_a_time = threading.Lock()
Format = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: str
    # One colour per bar instead (urgencies in their traffic-light colours).
    colors: tuple[str, ...] = ()

    @property
    def fill(self) -> str | tuple[str, ...]:
        return self.colors or self.color


@dataclass(frozen=True)
class ChartSpec:
    """What one chart shows, already in the reader's language; numbers formatted by `number`."""

    key: str
    title: str
    subtitle: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    number: Format
    horizontal: bool = True
    stacked: bool = False
    # A second line after a stacked bar's total, one per bar ("6 overdue").
    notes: tuple[str, ...] = ()
    # Said in the middle instead of bars when every value is zero: a bar of 0 tells nothing.
    empty: str = ""


@dataclass(frozen=True)
class Chart:
    key: str
    png: bytes

    @property
    def filename(self) -> str:
        return f"{self.key}.png"


def render(spec: ChartSpec) -> bytes:
    """Draw one chart as a SIZE_PX square PNG."""
    with _one_at_a_time:
        return _png(draw(spec))


def draw(spec: ChartSpec) -> Figure:
    """Lay one chart out on a figure of its own (callers hold _one_at_a_time or own the thread)."""
    # Here, not at the top: matplotlib takes longer to import than the rest of the bot to
    # start, and only the monthly report and /rekap draw.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    inches = SIZE_PX / DPI
    figure = Figure(figsize=(inches, inches), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(figure)
    title: dict[str, Any] = {"va": "top", "weight": "bold", "fontsize": TEXT_SIZES["title"]}
    figure.text(0.05, 0.955, spec.title, color=INK, **title)
    figure.text(0.05, 0.895, spec.subtitle, va="top", color=MUTED, fontsize=TEXT_SIZES["subtitle"])
    if not max(_peaks(spec), default=0):
        figure.text(0.5, 0.5, spec.empty, ha="center", color=MUTED, fontsize=TEXT_SIZES["title"])
        return figure
    legend = len(spec.series) > 1
    top = 0.80 if legend else 0.84
    left = 0.34 if spec.horizontal else 0.08
    axes = figure.add_axes((left, 0.07, 0.93 - left, top - 0.07))
    style_axes(axes, spec.horizontal)
    (_horizontal if spec.horizontal else _vertical)(axes, spec)
    if spec.horizontal:
        _fit_right(figure, axes)
    if legend:
        figure.legend(
            loc="upper left",
            bbox_to_anchor=(0.04, 0.87),
            ncols=len(spec.series),
            frameon=False,
            fontsize=TEXT_SIZES["legend"],
            handlelength=1.0,
        )
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=BACKGROUND)
    return buffer.getvalue()


def _fit_right(figure: Figure, axes: Axes) -> None:
    """Stretch the value axis so that every text after a bar ends inside the picture.

    A text keeps its width in pixels whatever the axis, while where it starts scales with the
    axis: a text starting s px into the axes and w px wide fits within `room` once the axis
    reaches `limit * s / (room - w)`. Counting its padding as part of s errs on the safe side.
    """
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    _, limit = axes.get_xlim()
    box = axes.get_window_extent(renderer)
    room = figure.bbox.x1 * 0.98 - box.x0
    needed = limit
    for text in axes.texts:
        extent = text.get_window_extent(renderer)
        start = extent.x0 - box.x0
        if start > 0 and extent.width < room:
            needed = max(needed, limit * start / (room - extent.width))
    axes.set_xlim(0, needed)


def _horizontal(axes: Axes, spec: ChartSpec) -> None:
    positions = range(len(spec.labels))
    totals = [0.0] * len(spec.labels)
    single = spec.stacked or len(spec.series) == 1
    height = 0.7 if single else 0.8 / len(spec.series)
    peak = max(_peaks(spec), default=0) or 1
    value_text: dict[str, Any] = {"weight": "bold", "fontsize": TEXT_SIZES["value"]}
    for index, series in enumerate(spec.series):
        offset = 0.0 if single else (index - (len(spec.series) - 1) / 2) * height
        where = [p + offset for p in positions]
        base = totals if spec.stacked else 0.0
        bars = axes.barh(where, series.values, height, base, color=series.fill, label=series.name)
        if spec.stacked:
            # A segment's number goes inside it when it fits; the bar's total follows the bar.
            inside = [spec.number(v) if v >= 0.12 * peak else "" for v in series.values]
            axes.bar_label(bars, inside, label_type="center", color="white", **value_text)
        else:
            axes.bar_label(
                bars, [spec.number(v) for v in series.values], padding=6, color=INK, **value_text
            )
        totals = [a + b for a, b in zip(totals, series.values, strict=True)]
    if spec.stacked:
        notes = spec.notes or ("",) * len(totals)
        for position, total, note in zip(positions, totals, notes, strict=True):
            label = f"  {spec.number(total)}" + (f"\n  {note}" if note else "")
            axes.text(total, position, label, va="center", color=INK, **value_text)
    axes.set_yticks(list(positions), [_wrap(label) for label in spec.labels])
    axes.invert_yaxis()
    axes.set_xlim(0, peak * 1.3)


def _vertical(axes: Axes, spec: ChartSpec) -> None:
    positions = range(len(spec.labels))
    width = 0.8 / len(spec.series)
    crowded = len(spec.labels) * len(spec.series) > 12
    size = TEXT_SIZES["value_small" if crowded else "value"]
    for index, series in enumerate(spec.series):
        offset = (index - (len(spec.series) - 1) / 2) * width
        where = [p + offset for p in positions]
        bars = axes.bar(where, series.values, width, color=series.fill, label=series.name)
        axes.bar_label(
            bars,
            [spec.number(v) for v in series.values],
            padding=3,
            fontsize=size,
            weight="bold",
            color=INK,
        )
    axes.set_xticks(list(positions), list(spec.labels))
    if crowded:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_ylim(0, (max(_peaks(spec), default=0) or 1) * 1.2)


def _peaks(spec: ChartSpec) -> list[float]:
    """The longest bar: the stacked total, or the biggest value of any series."""
    if spec.stacked:
        return [sum(values) for values in zip(*(s.values for s in spec.series), strict=True)]
    return [max(s.values, default=0) for s in spec.series]


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, LABEL_WIDTH, max_lines=3, placeholder="…")) or label


async def render_all(specs: Sequence[ChartSpec]) -> list[Chart]:
    """Render the charts off the event loop, in order."""
    return [Chart(spec.key, await asyncio.to_thread(render, spec)) for spec in specs]
