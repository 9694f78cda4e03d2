"""Vector charts for the reports (ReportLab graphics), readable in black-and-white print.

* :func:`indicator_chart` — an indicator's measurements against its baseline and target;
* :class:`GanttChart` — HDR items over the period, a flowable that splits between rows
  and repeats its month axis on every page;
* :func:`risk_matrix` — the 5×5 probability × impact matrix.

Every label is set in the report font; lines differ by dash pattern and width,
fills by grey level, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isStringOrNone
from reportlab.platypus import Flowable

from app import timeline, units
from app.axes import month_ticks, value_ticks
from app.i18n import _
from app.model import ActionStatus
from app.months import month_index, months_between, months_spanned, shift_month
from app.reports import fonts
from app.reports.dates import month_abbr, short_date
from app.reports.styles import (
    ACCENT,
    GRID,
    GROUP_FILL,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    SHADES,
    WHITE,
    ZEBRA_FILL,
)
from app.reports.values import DASH, number

LABEL_SIZE = 7.0
VALUE_TICKS = 5  # about as many value lines as the window's chart at its usual height


def _text(
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


def _canvas(width: float, height: float) -> Chart:
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
    drawing = _canvas(width, height)
    top_room = 16.0 if series.unit else 8.0
    left, bottom, right, top = 34.0, 30.0, width - 8.0, height - top_room
    plot = _Plot(left, bottom, right, top, start, end, ticks[0], ticks[-1])
    _draw_value_axis(drawing, plot, ticks)
    if series.unit:  # what the numbers count, above the value axis
        label = fit_text(units.axis_label(series.unit), width / 2)
        drawing.add(_text(4, top + 5, label, color=MUTED))
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
        drawing.add(_text(plot.left - 3, y - 2.3, number(tick), anchor="end", color=MUTED))
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
        drawing.add(_text(x, plot.bottom - 11, label, anchor="middle", color=MUTED))


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
    drawing.add(_text(left + box - 2, label_y + 0.5, text, size=LABEL_SIZE - 0.5, anchor="end"))


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
        drawing.add(_text(x, y + 5.5, label, size=6.5, anchor="middle"))


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
        drawing.add(_text(x + 19, y, label, color=MUTED))
        x += 26 + fonts.string_width(label, LABEL_SIZE)


# -- Gantt chart -----------------------------------------------------------------------


@dataclass(frozen=True)
class GanttRow:
    """A group heading (``status`` None) or an item running from ``start`` to ``end`` month."""

    label: str
    start: date | None = None
    end: date | None = None
    status: ActionStatus | None = None
    overdue: bool = False  # past its end month and not finished: marked "!"
    # A plan action's periods to the day (a recurring task has one a year); empty: start–end.
    spans: tuple[tuple[date, date], ...] = ()


# Fill, outline dash, hatching — each status looks different in grey.
_BAR_LOOK: dict[ActionStatus, tuple[colors.Color, list[float] | None, bool]] = {
    ActionStatus.DONE: (SHADES[4], None, False),
    ActionStatus.IN_PROGRESS: (SHADES[3], None, False),
    ActionStatus.PLANNED: (WHITE, None, False),
    ActionStatus.DELAYED: (WHITE, None, True),
    ActionStatus.DROPPED: (SHADES[1], [2, 2], False),
}


def _months_between(start: date, end: date) -> int:
    return months_spanned(start, end)


def _month_at(start: date, index: int) -> date:
    return shift_month(start, index)


MIN_MARK = 1.5  # points: the width of a one-day term's mark


class GanttChart(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """HDR items as bars over the months of the period; splits between rows."""

    ROW = 13.0
    AXIS = 24.0  # the year and month bands on top
    FOOT = 10.0  # room below for the "today" label

    def __init__(
        self,
        rows: Sequence[GanttRow],
        period_start: date,
        period_end: date,
        *,
        label_width: float,
        today: date | None = None,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.period_start = date(period_start.year, period_start.month, 1)
        self.period_end = date(period_end.year, period_end.month, 1)
        if self.period_end < self.period_start:
            self.period_end = self.period_start
        self.label_width = label_width
        self.today = today
        self.continued = continued

    def _height_of(self, count: int) -> float:
        return self.AXIS + count * self.ROW + self.FOOT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._height_of(len(self.rows))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int((availHeight - self._height_of(0)) // self.ROW)
        # A group heading never ends a part: it goes over with its first item.
        while fit > 0 and self.rows[fit - 1].status is None:
            fit -= 1
        if fit < 2 or fit >= len(self.rows):
            return []
        rest = self.rows[fit:]
        if rest[0].status is not None:
            # The continuation repeats the heading of the priority it continues.
            group = next((row for row in reversed(self.rows[:fit]) if row.status is None), None)
            if group is not None:
                rest = [GanttRow(f"{group.label} {_('(cd.)')}"), *rest]
        return [self._part(self.rows[:fit], self.continued), self._part(rest, True)]

    def _part(self, rows: Sequence[GanttRow], continued: bool) -> GanttChart:
        return GanttChart(
            rows,
            self.period_start,
            self.period_end,
            label_width=self.label_width,
            today=self.today,
            continued=continued,
        )

    def draw(self) -> None:
        renderPDF.draw(self.drawing(), self.canv, 0, 0)

    @property
    def alt_text(self) -> str:
        items = [row for row in self.rows if row.status is not None]
        overdue = [row.label for row in items if row.overdue]
        text = _("Wykres Gantta: pozycje harmonogramu ({count}) od {start} do {end}.").format(
            count=len(items), start=short_date(self.period_start), end=short_date(self.period_end)
        )
        if overdue:
            text += " " + _("Po terminie: {items}.").format(items="; ".join(overdue))
        return text

    def drawing(self) -> Drawing:
        """Back to front: row shading, month grid, group rows, labels and bars, today."""
        drawing = _canvas(self.width, self.height)
        months = _months_between(self.period_start, self.period_end)
        column = (self.width - self.label_width) / months
        body_top = self.height - self.AXIS
        bottom = body_top - len(self.rows) * self.ROW
        self._draw_axis(drawing, months, column, self.height, body_top)
        tops = [body_top - (index + 1) * self.ROW for index in range(len(self.rows))]
        for index, (row, y) in enumerate(zip(self.rows, tops, strict=True)):
            if row.status is not None and index % 2:
                drawing.add(
                    Rect(0, y, self.width, self.ROW, fillColor=ZEBRA_FILL, strokeColor=None)
                )
        self._draw_grid(drawing, months, column, body_top, bottom)
        for row, y in zip(self.rows, tops, strict=True):
            if row.status is None:
                drawing.add(
                    Rect(0, y, self.width, self.ROW, fillColor=GROUP_FILL, strokeColor=None)
                )
                label = fit_text(row.label, self.width - 4, bold=True)
                drawing.add(_text(3, y + 3.8, label, bold=True, color=ACCENT))
            else:
                drawing.add(_text(3, y + 3.8, fit_text(row.label, self.label_width - 6)))
                self._draw_bar(drawing, row, column, y)
        self._draw_today(drawing, column, body_top, bottom)
        return drawing

    def _x(self, month: date, column: float) -> float:
        index = months_between(self.period_start, month)
        return self.label_width + index * column

    def _draw_axis(
        self, drawing: Drawing, months: int, column: float, top: float, body_top: float
    ) -> None:
        middle = top - self.AXIS / 2
        drawing.add(
            Rect(0, body_top, self.width, self.AXIS, fillColor=HEADER_FILL, strokeColor=None)
        )
        heading = _("Działanie") + (" " + _("(cd.)") if self.continued else "")
        drawing.add(_text(3, body_top + 4, heading, bold=True))
        year_start = 0
        for index in range(months + 1):
            month = _month_at(self.period_start, index)
            if index == months or (month.month == 1 and index > 0):
                x0 = self.label_width + year_start * column
                x1 = self.label_width + index * column
                year = _month_at(self.period_start, year_start).year
                if x1 - x0 >= 16:
                    drawing.add(
                        _text((x0 + x1) / 2, middle + 2, str(year), bold=True, anchor="middle")
                    )
                if index < months:
                    drawing.add(Line(x1, body_top, x1, top, strokeColor=RULE, strokeWidth=0.6))
                year_start = index
        for index in range(months):
            month = _month_at(self.period_start, index)
            x = self.label_width + (index + 0.5) * column
            if column >= 15:
                label = month_abbr(month)
            elif column >= 12 or (column >= 5 and month.month in (1, 4, 7, 10)):
                label = str(month.month)  # narrow: numbers, or only the quarters' first months
            else:
                continue
            drawing.add(_text(x, body_top + 4, label, size=6.3, anchor="middle", color=MUTED))
        drawing.add(Line(0, body_top, self.width, body_top, strokeColor=ACCENT, strokeWidth=1))

    def _draw_grid(
        self, drawing: Drawing, months: int, column: float, top: float, bottom: float
    ) -> None:
        for index in range(months + 1):
            month = _month_at(self.period_start, index)
            x = self.label_width + index * column
            strong = month.month == 1 or index in (0, months)
            if not strong and column < 5 and month.month not in (4, 7, 10):
                continue
            drawing.add(
                Line(
                    x,
                    bottom,
                    x,
                    top,
                    strokeColor=RULE if strong else GRID,
                    strokeWidth=0.6 if strong else 0.3,
                )
            )
        drawing.add(Line(0, bottom, self.width, bottom, strokeColor=RULE, strokeWidth=0.6))

    def _draw_bar(self, drawing: Drawing, row: GanttRow, column: float, y: float) -> None:
        if row.status is not None and row.spans:
            self._draw_spans(drawing, row, column, y)
            return
        if row.start is None or row.end is None or row.status is None:
            return
        start = max(row.start, self.period_start)
        end = min(row.end, self.period_end)
        outside = row.start < self.period_start or row.end > self.period_end
        if end < start:
            return
        x0 = self._x(start, column) + 0.6
        x1 = self._x(end, column) + column - 0.6
        fill, dash, hatched = _BAR_LOOK[row.status]
        bar_y, bar_h = y + 3, self.ROW - 6
        drawing.add(
            Rect(
                x0,
                bar_y,
                x1 - x0,
                bar_h,
                fillColor=fill,
                strokeColor=INK,
                strokeWidth=0.6,
                strokeDashArray=dash,
            )
        )
        if hatched:
            drawing.add(_hatching(x0, bar_y, x1 - x0, bar_h))
        if outside:  # the item runs beyond the period: say so at the cut edge
            mark_x = x1 + 1.5 if row.end > self.period_end else x0 - 5
            drawing.add(_text(mark_x, y + 3.8, "›" if row.end > self.period_end else "‹"))
        if row.overdue:  # past its end and not finished
            drawing.add(_text(x1 + (8 if outside else 2.5), y + 3.3, "!", bold=True, size=9))

    def _draw_spans(self, drawing: Drawing, row: GanttRow, column: float, y: float) -> None:
        """One box a period, to the day (a single day is a thin mark); "!" after the last."""
        assert row.status is not None
        fill, dash, hatched = _BAR_LOOK[row.status]
        first = month_index(self.period_start)
        months = months_spanned(self.period_start, self.period_end)
        bar_y, bar_h = y + 3, self.ROW - 6
        x1 = self.label_width
        for start, end in row.spans:
            left, right = (p - first for p in timeline.span(start, end))
            if right <= 0 or left >= months:  # wholly outside the period
                continue
            left, right = max(left, 0), min(right, months)
            x0 = self.label_width + left * column
            x1 = max(self.label_width + right * column, x0 + MIN_MARK)
            box = Rect(x0, bar_y, x1 - x0, bar_h, fillColor=fill, strokeColor=INK)
            box.strokeWidth, box.strokeDashArray = 0.6, dash
            drawing.add(box)
            if hatched:
                drawing.add(_hatching(x0, bar_y, x1 - x0, bar_h))
        if row.overdue:
            drawing.add(_text(x1 + 2.5, y + 3.3, "!", bold=True, size=9))

    def _draw_today(self, drawing: Drawing, column: float, top: float, bottom: float) -> None:
        today = self.today
        if today is None or not (self.period_start <= today.replace(day=1) <= self.period_end):
            return
        position = timeline.day_middle(today) - month_index(self.period_start)
        x = self.label_width + position * column
        drawing.add(
            Line(x, bottom, x, top, strokeColor=INK, strokeWidth=0.9, strokeDashArray=[3, 2])
        )
        drawing.add(_text(x, bottom - 8, _("dziś"), size=6.5, anchor="middle", bold=True))


def _hatching(x: float, y: float, width: float, height: float) -> Group:
    """Diagonal lines inside a rectangle (the look of a delayed item)."""
    group = Group()
    step = 3.0
    offset = 0.0
    while offset < width + height:
        x0, y0 = x + offset, y
        x1, y1 = x + offset - height, y + height
        if x0 > x + width:  # clip the bottom end at the right edge
            y0 = y + (x0 - (x + width))
            x0 = x + width
        if x1 < x:  # clip the top end at the left edge
            y1 = y + height - (x - x1)
            x1 = x
        if y1 > y0:
            group.add(Line(x0, y0, x1, y1, strokeColor=INK, strokeWidth=0.5))
        offset += step
    return group


def gantt_legend(width: float) -> Drawing:
    drawing = _canvas(width, 14)
    x = 0.0
    for status in (
        ActionStatus.DONE,
        ActionStatus.IN_PROGRESS,
        ActionStatus.PLANNED,
        ActionStatus.DELAYED,
        ActionStatus.DROPPED,
    ):
        fill, dash, hatched = _BAR_LOOK[status]
        drawing.add(
            Rect(
                x, 3, 18, 7, fillColor=fill, strokeColor=INK, strokeWidth=0.6, strokeDashArray=dash
            )
        )
        if hatched:
            drawing.add(_hatching(x, 3, 18, 7))
        drawing.add(_text(x + 22, 4, status.label, color=MUTED))
        x += 34 + fonts.string_width(status.label, LABEL_SIZE)
    drawing.add(Line(x, 1, x, 12, strokeColor=INK, strokeWidth=0.9, strokeDashArray=[3, 2]))
    drawing.add(_text(x + 4, 4, _("dzisiejsza data"), color=MUTED))
    x += 16 + fonts.string_width(_("dzisiejsza data"), LABEL_SIZE)
    drawing.add(_text(x, 3.5, "!", bold=True, size=9))
    drawing.add(_text(x + 6, 4, _("po terminie"), color=MUTED))
    drawing.alt_text = _("Legenda wykresu Gantta.")
    return drawing


# -- risk matrix -----------------------------------------------------------------------

# Score bands (probability × impact) and their grey levels, light to dark.
RISK_BANDS: tuple[tuple[int, int], ...] = ((1, 4), (5, 9), (10, 14), (15, 25))


def risk_band(score: int) -> int:
    return next(i for i, (low, high) in enumerate(RISK_BANDS) if low <= score <= high)


def risk_band_label(score: int) -> str:
    labels = (_("niskie"), _("średnie"), _("wysokie"), _("krytyczne"))
    return labels[risk_band(score)]


def risk_matrix(cells: dict[tuple[int, int], list[str]], cell: float = 40.0) -> Drawing:
    """The 5×5 matrix; ``cells[(probability, impact)]`` are the risk numbers in each cell."""
    left, bottom = 34.0, 40.0
    size = 5 * cell
    drawing = _canvas(left + size + 8, bottom + size + 8)
    for probability in range(1, 6):
        for impact in range(1, 6):
            band = risk_band(probability * impact)
            fill = SHADES[band + 1] if band < 3 else SHADES[4]
            text_color = WHITE if band >= 2 else INK
            x = left + (impact - 1) * cell
            y = bottom + (probability - 1) * cell
            drawing.add(Rect(x, y, cell, cell, fillColor=fill, strokeColor=WHITE, strokeWidth=1.5))
            names = cells.get((probability, impact), [])
            _cell_labels(drawing, names, x, y, cell, text_color)
    for index in range(1, 6):
        middle = (index - 0.5) * cell
        drawing.add(_text(left - 6, bottom + middle - 2.5, str(index), anchor="end", size=8))
        drawing.add(_text(left + middle, bottom - 11, str(index), anchor="middle", size=8))
    drawing.add(_text(left + size / 2, bottom - 24, _("Wpływ"), bold=True, anchor="middle", size=8))
    probability_label = _text(0, 0, _("Prawdopodobieństwo"), bold=True, anchor="middle", size=8)
    vertical = Group(probability_label)
    vertical.translate(12, bottom + size / 2)
    vertical.rotate(90)
    drawing.add(vertical)
    described = [
        _("prawdopodobieństwo {p}, wpływ {i}: {names}").format(p=p, i=i, names=", ".join(names))
        for (p, i), names in sorted(cells.items())
        if names
    ]
    drawing.alt_text = _("Macierz ryzyk 5×5: {cells}.").format(cells="; ".join(described) or DASH)
    return drawing


def _cell_labels(
    drawing: Drawing, names: list[str], x: float, y: float, cell: float, color: colors.Color
) -> None:
    if not names:
        return
    lines: list[str] = []
    current = ""
    for name in names:
        candidate = f"{current}, {name}" if current else name
        if fonts.string_width(candidate, 7.5, fonts.BOLD) > cell - 6 and current:
            lines.append(current + ",")
            current = name
        else:
            current = candidate
    lines.append(current)
    if len(lines) > 3:  # too many to list in the cell: say how many
        lines = [_("ryzyka: {count}").format(count=len(names))]
    top = y + cell / 2 + (len(lines) - 1) * 4.5
    for index, line in enumerate(lines):
        drawing.add(
            _text(
                x + cell / 2,
                top - index * 9 - 2.5,
                line,
                bold=True,
                size=7.5,
                anchor="middle",
                color=color,
            )
        )


def risk_legend() -> Drawing:
    drawing = _canvas(300, 14)
    x = 0.0
    for index, (low, high) in enumerate(RISK_BANDS):
        fill = SHADES[index + 1] if index < 3 else SHADES[4]
        drawing.add(Rect(x, 2, 12, 9, fillColor=fill, strokeColor=RULE, strokeWidth=0.4))
        label = f"{risk_band_label(low)} ({low}–{high})"
        drawing.add(_text(x + 16, 4, label, color=MUTED))
        x += 26 + fonts.string_width(label, LABEL_SIZE)
    return drawing
