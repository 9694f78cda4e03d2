"""A year chart as a vector drawing: one line per series, years along the bottom."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine

from app import units
from app.axes import value_ticks
from app.reports import fonts
from app.reports.charts import LABEL_SIZE, VALUE_TICKS, Chart, chart_canvas, chart_text, fit_text
from app.reports.styles import ACCENT, GRID, INK, MUTED, RULE, WHITE
from app.reports.values import number
from app.reports.yearly.content import YearChart

DASHES = (None, [4, 3], [1.5, 2], [6, 2, 1, 2])
COLOURS = (ACCENT, INK, MUTED, INK)


def draw(chart: YearChart, width: float, height: float = 150.0) -> Chart:
    """The chart with a title line, a value axis in ``chart.unit`` and a legend below."""
    years = chart.years
    values = [v for line in chart.lines for v in line.points.values()]
    drawing = chart_canvas(width, height)
    drawing.add(
        chart_text(
            0, height - 10, fit_text(chart.title, width, 8.5, bold=True), size=8.5, bold=True
        )
    )
    left, right, bottom, top = 40.0, width - 12.0, 40.0, height - 30.0
    drawing.add(chart_text(4, top + 8, units.axis_label(chart.unit), color=MUTED))
    ticks = value_ticks(values, VALUE_TICKS, values)
    low, high = ticks[0], ticks[-1]

    def y_of(value: float) -> float:
        return bottom + (value - low) / ((high - low) or 1) * (top - bottom)

    step = (right - left) / max(len(years) - 1, 1)

    def x_of(year: int) -> float:
        return left + years.index(year) * step if len(years) > 1 else (left + right) / 2

    for tick in ticks:
        drawing.add(Line(left, y_of(tick), right, y_of(tick), strokeColor=GRID, strokeWidth=0.4))
        drawing.add(chart_text(left - 3, y_of(tick) - 2.3, number(tick), anchor="end", color=MUTED))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=RULE))
    for year in years:
        drawing.add(
            chart_text(
                x_of(year), bottom - 10, chart.year_label(year), anchor="middle", color=MUTED
            )
        )
    for index, line in enumerate(chart.lines):
        _line(
            drawing,
            [(x_of(y), y_of(v)) for y, v in sorted(line.points.items())],
            index,
            line.dashed,
        )
    _legend(drawing, chart, left)
    drawing.alt_text = chart.alt_text
    return drawing


def _line(drawing: Drawing, coords: list[tuple[float, float]], index: int, dashed: bool) -> None:
    dash = DASHES[index % len(DASHES)] if dashed or index else None
    colour = COLOURS[index % len(COLOURS)]
    if len(coords) > 1:
        flat = [c for xy in coords for c in xy]
        drawing.add(PolyLine(flat, strokeColor=colour, strokeWidth=1.5, strokeDashArray=dash))
    for x, y in coords:
        drawing.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=WHITE, strokeWidth=0.5))


def _legend(drawing: Drawing, chart: YearChart, x: float) -> None:
    y = 6.0
    for index, line in enumerate(chart.lines):
        dash = DASHES[index % len(DASHES)] if line.dashed or index else None
        colour = COLOURS[index % len(COLOURS)]
        drawing.add(
            Line(
                x,
                y + 2.5,
                x + 16,
                y + 2.5,
                strokeColor=colour,
                strokeWidth=1.5,
                strokeDashArray=dash,
            )
        )
        label = fit_text(line.label, 160)
        drawing.add(chart_text(x + 19, y, label, color=MUTED))
        x += 30 + fonts.string_width(label, LABEL_SIZE)
