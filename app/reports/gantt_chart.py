"""The HDR's Gantt chart for the reports: a flowable that splits between rows
and repeats its month axis on every page; each status looks different in grey."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable

from app import timeline
from app.i18n import _
from app.model import ActionStatus
from app.months import month_index, months_between, months_spanned, shift_month
from app.reports import fonts
from app.reports.charts import LABEL_SIZE, chart_canvas, chart_text, fit_text
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
        drawing = chart_canvas(self.width, self.height)
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
                drawing.add(chart_text(3, y + 3.8, label, bold=True, color=ACCENT))
            else:
                drawing.add(chart_text(3, y + 3.8, fit_text(row.label, self.label_width - 6)))
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
        drawing.add(chart_text(3, body_top + 4, heading, bold=True))
        year_start = 0
        for index in range(months + 1):
            month = _month_at(self.period_start, index)
            if index == months or (month.month == 1 and index > 0):
                x0 = self.label_width + year_start * column
                x1 = self.label_width + index * column
                year = _month_at(self.period_start, year_start).year
                if x1 - x0 >= 16:
                    drawing.add(
                        chart_text((x0 + x1) / 2, middle + 2, str(year), bold=True, anchor="middle")
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
            drawing.add(chart_text(x, body_top + 4, label, size=6.3, anchor="middle", color=MUTED))
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
            drawing.add(chart_text(mark_x, y + 3.8, "›" if row.end > self.period_end else "‹"))
        if row.overdue:  # past its end and not finished
            drawing.add(chart_text(x1 + (8 if outside else 2.5), y + 3.3, "!", bold=True, size=9))

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
            drawing.add(chart_text(x1 + 2.5, y + 3.3, "!", bold=True, size=9))

    def _draw_today(self, drawing: Drawing, column: float, top: float, bottom: float) -> None:
        today = self.today
        if today is None or not (self.period_start <= today.replace(day=1) <= self.period_end):
            return
        position = timeline.day_middle(today) - month_index(self.period_start)
        x = self.label_width + position * column
        drawing.add(
            Line(x, bottom, x, top, strokeColor=INK, strokeWidth=0.9, strokeDashArray=[3, 2])
        )
        drawing.add(chart_text(x, bottom - 8, _("dziś"), size=6.5, anchor="middle", bold=True))


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
    drawing = chart_canvas(width, 14)
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
        drawing.add(chart_text(x + 22, 4, status.label, color=MUTED))
        x += 34 + fonts.string_width(status.label, LABEL_SIZE)
    drawing.add(Line(x, 1, x, 12, strokeColor=INK, strokeWidth=0.9, strokeDashArray=[3, 2]))
    drawing.add(chart_text(x + 4, 4, _("dzisiejsza data"), color=MUTED))
    x += 16 + fonts.string_width(_("dzisiejsza data"), LABEL_SIZE)
    drawing.add(chart_text(x, 3.5, "!", bold=True, size=9))
    drawing.add(chart_text(x + 6, 4, _("po terminie"), color=MUTED))
    drawing.alt_text = _("Legenda wykresu Gantta.")
    return drawing
