"""Vector charts for the reports (ReportLab graphics), readable in black-and-white print.

* :func:`indicator_chart` — an indicator's measurements against its baseline and target
  (here, with the parts every chart shares: the drawing, its text, :func:`fit_text`);
* :class:`app.reports.gantt_chart.GanttChart` — HDR items over the period;
* :func:`app.reports.risk_chart.risk_matrix` — the 5×5 probability × impact matrix.

Every label is set in the report font; lines differ by dash pattern and width,
fills by grey level, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isStringOrNone

from app import units
from app.axes import month_ticks, value_ticks
from app.i18n import _
from app.reports import fonts
from app.reports.dates import month_abbr, short_date
from app.reports.styles import (
    ACCENT,
    GRID,
    INK,
    MUTED,
    RULE,
    WHITE,
)
from app.reports.values import DASH, number

LABEL_SIZE = 7.0
VALUE_TICKS = 5  # about as many value lines as the window's chart at its usual height


def chart_text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    bold: bool = False,
    anchor: str = "start",
    color: colors.Color = INK,
) -> String:
    return String(
        x,
        y,
        text,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        fillColor=color,
        textAnchor=anchor,
    )


class Chart(Drawing):  # type: ignore[misc]  # ReportLab is untyped
    """A drawing that says in words what it shows (``alt_text``, for accessible copies)."""

    _attrMap = AttrMap(
        BASE=Drawing, alt_text=AttrMapValue(isStringOrNone, desc="the chart in words")
    )

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.alt_text: str | None = None


def chart_canvas(width: float, height: float) -> Chart:
    """A drawing whose default font is the report font (the default would be Helvetica)."""
    drawing = Chart(width, height)
    drawing.initialFontName = fonts.REGULAR
    return drawing


def fit_text(text: str, width: float, size: float = LABEL_SIZE, bold: bool = False) -> str:
    """``text`` on one line within ``width``, cut with an ellipsis if need be."""
    font = fonts.BOLD if bold else fonts.REGULAR
    text = " ".join(text.split())
    if fonts.string_width(text, size, font) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits, found by halving
        middle = (low + high + 1) // 2
        if fonts.string_width(text[:middle].rstrip() + "…", size, font) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


# -- indicator chart -------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """What an indicator chart shows; measurements oldest first."""

    points: Sequence[tuple[date, float]]
    baseline: float | None
    baseline_date: date | None
    target: float | None
    target_date: date | None
    unit: str | None = None


def indicator_chart(series: Series, width: float, height: float) -> Drawing | None:
    """Measurements as a line with markers, baseline dashed, target dash-dotted.

    ``None`` when there is nothing to draw (no measurements and no baseline).
    """
    dates = [d for d, _ in series.points]
    dates += [d for d in (series.baseline_date, series.target_date) if d is not None]
    values = [v for _, v in series.points]
    values += [v for v in (series.baseline, series.target) if v is not None]
    if not series.points and series.baseline is None:
        return None
    if not dates:
        return None
    start, end = min(dates), max(dates)
    if start == end:
        start, end = date(start.year, 1, 1), date(start.year, 12, 31)
    whole = all(float(v).is_integer() for v in values) and (
        unit_of(series.unit) is None or unit_of(series.unit) not in ("%", "zł")
    )
    ticks = value_ticks(values, VALUE_TICKS, [v for _, v in series.points], whole=whole)
    drawing = chart_canvas(width, height)
    top_room = 16.0 if series.unit else 8.0
    left, bottom, right, top = 34.0, 30.0, width - 8.0, height - top_room
    plot = _Plot(left, bottom, right, top, start, end, ticks[0], ticks[-1])
    _draw_value_axis(drawing, plot, ticks)
    if series.unit:  # what the numbers count, above the value axis
        label = fit_text(units.axis_label(series.unit), width / 2)
        drawing.add(chart_text(4, top + 5, label, color=MUTED))
    _draw_time_axis(drawing, plot)
    if series.baseline is not None:
        _reference_line(
            drawing, plot, series.baseline, [4, 3], _("poziom bazowy"), series.unit,
            points=series.points,
        )  # fmt: skip
    if series.target is not None:
        _reference_line(
            drawing, plot, series.target, [6, 2, 1, 2], _("cel"), series.unit, width_=1.2,
            points=series.points,
        )  # fmt: skip
        if series.target_date is not None:
            _diamond(drawing, plot.x(series.target_date), plot.y(series.target))
    _draw_measurements(drawing, plot, series.points)
    _draw_legend(drawing, left, 4)
    drawing.alt_text = describe_series(series)
    return drawing


def describe_series(series: Series) -> str:
    """The chart in words (its alternative text in an accessible copy)."""
    points = "; ".join(
        f"{short_date(day)}: {units.quantity(value, series.unit)}" for day, value in series.points
    )
    parts = [_("Pomiary: {points}").format(points=points or DASH)]
    if series.baseline is not None:
        parts.append(
            _("poziom bazowy: {value}").format(value=units.quantity(series.baseline, series.unit))
        )
    if series.target is not None:
        parts.append(_("cel: {value}").format(value=units.quantity(series.target, series.unit)))
    return ", ".join(parts) + "."


def unit_of(unit: str | None) -> str | None:
    """A catalogue unit's Polish symbol or label (``%``, ``zł``, ``osoby``), else None."""
    found = units.find(unit)
    return found.label if found is not None else None


@dataclass(frozen=True)
class _Plot:
    left: float
    bottom: float
    right: float
    top: float
    start: date
    end: date
    low: float
    high: float

    def x(self, day: date) -> float:
        span = (self.end - self.start).days or 1
        return self.left + (self.right - self.left) * (day - self.start).days / span

    def y(self, value: float) -> float:
        """Height of ``value``; the lowest tick sits a little above the time axis, so a
        baseline equal to the axis minimum is not hidden by the axis line."""
        span = (self.high - self.low) or 1.0
        pad = 4.0
        return self.bottom + pad + (self.top - self.bottom - pad) * (value - self.low) / span


def _draw_value_axis(drawing: Drawing, plot: _Plot, ticks: list[float]) -> None:
    for tick in ticks:
        y = plot.y(tick)
        drawing.add(Line(plot.left, y, plot.right, y, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(chart_text(plot.left - 3, y - 2.3, number(tick), anchor="end", color=MUTED))
    drawing.add(Line(plot.left, plot.bottom, plot.left, plot.top, strokeColor=RULE))


def _draw_time_axis(drawing: Drawing, plot: _Plot) -> None:
    drawing.add(Line(plot.left, plot.bottom, plot.right, plot.bottom, strokeColor=RULE))
    # As many labels as fit side by side: "paź 2025" needs about 44 pt, "2025" 26 pt.
    width = plot.right - plot.left
    # The widest month label in this language ("Sept 2025" in English) plus a gap.
    widest = max(
        fonts.string_width(f"{month_abbr(date(2000, m, 1))} 2000", LABEL_SIZE) for m in range(1, 13)
    )
    room = widest + 8
    ticks, step = month_ticks(plot.start, plot.end, most=max(2, min(8, int(width // room))))
    if step >= 12:
        most = max(2, min(8, int(width // 26)))
        ticks, step = month_ticks(plot.start, plot.end, most=most, min_step=12)
    for tick in ticks:
        x = plot.x(tick)
        drawing.add(Line(x, plot.bottom, x, plot.bottom - 3, strokeColor=RULE, strokeWidth=0.5))
        label = str(tick.year) if step >= 12 else f"{month_abbr(tick)} {tick.year}"
        drawing.add(chart_text(x, plot.bottom - 11, label, anchor="middle", color=MUTED))


def _reference_line(
    drawing: Drawing,
    plot: _Plot,
    value: float,
    dash: list[float],
    label: str,
    unit: str | None = None,
    width_: float = 0.8,
    points: Sequence[tuple[date, float]] = (),
) -> None:
    y = plot.y(value)
    drawing.add(
        Line(plot.left, y, plot.right, y, strokeColor=INK, strokeWidth=width_, strokeDashArray=dash)
    )
    text = f"{label}: {units.quantity(value, unit)}"
    box = fonts.string_width(text, LABEL_SIZE - 0.5) + 4
    # Above the line, right-aligned, on a white box so the grid does not cross it;
    # at the left end when a measurement (and its value label) is in the way.
    label_y = y + 2.5 if y + 11 < plot.top else y - 9.5
    left = plot.right - box - 1
    in_the_way = any(
        left - 12 <= plot.x(day) <= plot.right + 12 and label_y - 6 <= plot.y(v) <= label_y + 20
        for day, v in points
    )
    if in_the_way:
        left = plot.left + 2
    drawing.add(Rect(left, label_y - 1.5, box, 9, fillColor=WHITE, strokeColor=None))
    drawing.add(
        chart_text(left + box - 2, label_y + 0.5, text, size=LABEL_SIZE - 0.5, anchor="end")
    )


def _diamond(drawing: Drawing, x: float, y: float, r: float = 3.5) -> None:
    drawing.add(
        Polygon(
            [x, y + r, x + r, y, x, y - r, x - r, y],
            fillColor=WHITE,
            strokeColor=INK,
            strokeWidth=1,
        )
    )


def _draw_measurements(drawing: Drawing, plot: _Plot, points: Sequence[tuple[date, float]]) -> None:
    if not points:
        return
    coords = [(plot.x(d), plot.y(v)) for d, v in points]
    if len(coords) > 1:
        flat = [c for xy in coords for c in xy]
        drawing.add(PolyLine(flat, strokeColor=ACCENT, strokeWidth=1.6))
    radius = 2.4 if len(coords) <= 24 else 1.4
    for x, y in coords:
        drawing.add(Circle(x, y, radius, fillColor=ACCENT, strokeColor=WHITE, strokeWidth=0.5))
    labelled = range(len(points)) if len(points) <= 12 else [len(points) - 1]
    for index in labelled:
        x, y = coords[index]
        label = number(points[index][1])
        half = fonts.string_width(label, 6.5) / 2 + 1
        # On white, so a reference line running through the label does not cross it out.
        drawing.add(Rect(x - half, y + 3.8, 2 * half, 7.6, fillColor=WHITE, strokeColor=None))
        drawing.add(chart_text(x, y + 5.5, label, size=6.5, anchor="middle"))


def _draw_legend(drawing: Drawing, x: float, y: float) -> None:
    entries = (
        (_("pomiary"), None, 1.6, ACCENT),
        (_("poziom bazowy"), [4, 3], 0.8, INK),
        (_("wartość docelowa"), [6, 2, 1, 2], 1.2, INK),
    )
    for label, dash, width, color in entries:
        drawing.add(
            Line(
                x,
                y + 2.5,
                x + 16,
                y + 2.5,
                strokeColor=color,
                strokeWidth=width,
                strokeDashArray=dash,
            )
        )
        if dash is None:
            drawing.add(Circle(x + 8, y + 2.5, 2.2, fillColor=ACCENT, strokeColor=WHITE))
        drawing.add(chart_text(x + 19, y, label, color=MUTED))
        x += 26 + fonts.string_width(label, LABEL_SIZE)
