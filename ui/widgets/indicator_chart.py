"""A small vector chart of one indicator, drawn with QPainter (QtCharts is not shipped).

Time runs from the baseline date to the target date (widened to cover every
measurement); the baseline and the target are dashed lines, the path from
one to the other is drawn faintly, and the measurements are joined by a line.
The title line says the computed status in words and in its colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app import units
from app.axes import month_ticks as month_ticks  # the axes shared with the PDFs
from app.axes import nice_step as nice_step
from app.axes import value_ticks as value_ticks
from app.i18n import _
from app.model import Indicator, IndicatorStatus, Measurement
from app.services.indicators import IndicatorState
from ui.formatting import show_month_short, show_number
from ui.models.indicators import STATUS_STRONG, progress_text

PAD = 8.0
MIN_SPAN_DAYS = 60
MANY_POINTS = 24


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, free of the database."""

    points: tuple[tuple[date, float], ...] = ()
    baseline_value: float | None = None
    baseline_date: date | None = None
    target_value: float | None = None
    target_date: date | None = None
    unit: str = ""
    status: IndicatorStatus | None = None
    caption: str = ""

    @property
    def values(self) -> list[float]:
        found = [v for _d, v in self.points]
        found += [v for v in (self.baseline_value, self.target_value) if v is not None]
        return found

    @property
    def dates(self) -> list[date]:
        found = [d for d, _v in self.points]
        return found + [d for d in (self.baseline_date, self.target_date) if d is not None]


def chart_data(
    indicator: Indicator, measurements: Sequence[Measurement], state: IndicatorState | None
) -> ChartData:
    return ChartData(
        points=tuple((m.measured_on, m.value) for m in measurements),
        baseline_value=indicator.baseline_value,
        baseline_date=indicator.baseline_date,
        target_value=indicator.target_value,
        target_date=indicator.target_date,
        unit=units.axis_label(indicator.unit) if indicator.unit else "",
        status=state.status if state is not None else None,
        caption=progress_text(state) if state is not None else "",
    )


# -- scales ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """A linear map from a domain (lo…hi) to pixels (start…end)."""

    lo: float
    hi: float
    start: float
    end: float

    def map(self, value: float) -> float:
        if self.hi == self.lo:
            return (self.start + self.end) / 2
        return self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def date_range(dates: Sequence[date]) -> tuple[date, date]:
    """The dates' span, at least :data:`MIN_SPAN_DAYS` long (widened around the middle)."""
    lo, hi = min(dates), max(dates)
    missing = MIN_SPAN_DAYS - (hi - lo).days
    if missing > 0:
        lo -= timedelta(days=missing // 2)
        hi += timedelta(days=missing - missing // 2)
    return lo, hi


def date_label(day: date, step: int) -> str:
    return str(day.year) if step >= 12 else show_month_short(day)


# -- the widget -------------------------------------------------------------------------------


class IndicatorChart(QWidget):
    """Baseline, target, the expected path and the measurements of one indicator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: ChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Wykres wskaźnika"))
        self.setToolTip(
            _(
                "Linie przerywane: wartość bazowa i docelowa. Linia kropkowana: ścieżka "
                "oczekiwana od wartości bazowej do docelowej. Punkty: pomiary."
            )
        )

    def set_data(self, data: ChartData | None) -> None:
        self._data = data
        self.setAccessibleDescription(self.title_text())
        self.update()

    def data(self) -> ChartData | None:
        return self._data

    def title_text(self) -> str:
        data = self._data
        if data is None:
            return ""
        if data.status is None:
            return data.caption
        status = data.status.label
        status = status[:1].upper() + status[1:]
        return f"{status} · {data.caption}" if data.caption else status

    def sizeHint(self) -> QSize:
        return QSize(400, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 150)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(frame, 4, 4)
        data = self._data
        if data is None:
            self._message(painter, frame, _("Wybierz wskaźnik, aby zobaczyć wykres."))
            return
        inner = frame.adjusted(PAD, PAD * 0.75, -PAD, -PAD * 0.75)
        top = self._title(painter, inner, data)
        plot_area = QRectF(inner.left(), top, inner.width(), inner.bottom() - top)
        if not data.values:
            self._message(painter, plot_area, _("Brak danych: wpisz wartość bazową i pomiary."))
            return
        _Plot(self, painter, plot_area, data).draw()

    def _title(self, painter: QPainter, area: QRectF, data: ChartData) -> float:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        baseline = area.top() + metrics.ascent()
        x = area.left()
        if data.status is not None:
            painter.setPen(QColor(STATUS_STRONG[data.status]))
            radius = metrics.ascent() * 0.3
            painter.setBrush(QColor(STATUS_STRONG[data.status]))
            painter.drawEllipse(
                QPointF(x + radius, baseline - metrics.ascent() * 0.35), radius, radius
            )
            x += radius * 2 + 6
            painter.setFont(bold)
            status = data.status.label
            status = status[:1].upper() + status[1:]
            text = metrics.elidedText(status, Qt.TextElideMode.ElideRight, area.right() - x)
            painter.drawText(QPointF(x, baseline), text)
            x += metrics.horizontalAdvance(text) + 8
        painter.setFont(self.font())
        painter.setPen(self.palette().text().color())
        plain = QFontMetricsF(self.font())
        caption = plain.elidedText(data.caption, Qt.TextElideMode.ElideRight, area.right() - x)
        painter.drawText(QPointF(x, baseline), caption)
        return area.top() + metrics.height() + 6

    def _message(self, painter: QPainter, area: QRectF, text: str) -> None:
        painter.setFont(self.font())
        painter.setPen(self.palette().placeholderText().color())
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area.adjusted(PAD, 0, -PAD, 0), int(flags), text)


class _Plot:
    """One painting of the axes and series into ``area`` (a helper of IndicatorChart)."""

    def __init__(self, widget: QWidget, painter: QPainter, area: QRectF, data: ChartData):
        self.widget = widget
        self.painter = painter
        self.data = data
        self.small = QFont(widget.font())
        self.small.setPointSizeF(max(widget.font().pointSizeF() * 0.85, 6.5))
        self.metrics = QFontMetricsF(self.small)
        palette = widget.palette()
        self.text = palette.text().color()
        self.faint = QColor(self.text)
        self.faint.setAlphaF(0.55)
        self.grid = QColor(self.text)
        self.grid.setAlphaF(0.10)
        self.accent = palette.highlight().color()
        rows = max(2, min(6, int(area.height() // (self.metrics.height() * 2.2))))
        self.ticks = value_ticks(data.values, rows, [v for _d, v in data.points])
        label_width = max(self.metrics.horizontalAdvance(show_number(t)) for t in self.ticks)
        unit_width = self.metrics.horizontalAdvance(data.unit) if data.unit else 0.0
        left = area.left() + max(label_width, unit_width) + 6
        has_dates = bool(data.dates)
        bottom = area.bottom() - (self.metrics.height() + 4 if has_dates else 0)
        top = area.top() + (self.metrics.height() if data.unit else self.metrics.height() / 2)
        self.plot = QRectF(QPointF(left, top), QPointF(area.right() - 2, bottom))
        self.y = Scale(self.ticks[0], self.ticks[-1], self.plot.bottom(), self.plot.top())
        inset = 6.0
        self.span = date_range(data.dates) if has_dates else None
        lo = self.span[0].toordinal() if self.span else 0
        hi = self.span[1].toordinal() if self.span else 1
        self.x = Scale(lo, hi, self.plot.left() + inset, self.plot.right() - inset)

    def px(self, day: date) -> float:
        return self.x.map(day.toordinal())

    def draw(self) -> None:
        self.painter.setFont(self.small)
        self._value_axis()
        self._time_axis()
        self._expected_path()
        self._reference(self.data.baseline_value, self.faint, _("bazowa"), at_right=True)
        self._reference(self.data.target_value, self.text, _("cel"), at_right=False)
        self._measurements()

    # -- axes ---------------------------------------------------------------------------------

    def _value_axis(self) -> None:
        painter, plot = self.painter, self.plot
        for tick in self.ticks:
            y = self.y.map(tick)
            painter.setPen(QPen(self.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = show_number(tick)
            painter.setPen(self.faint)
            rect = QRectF(0, y - self.metrics.height() / 2, plot.left() - 5, self.metrics.height())
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label
            )
        if self.data.unit:
            painter.setPen(self.faint)
            rect = QRectF(
                0, plot.top() - self.metrics.height() * 1.5, plot.left() - 5, self.metrics.height()
            )
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.data.unit,
            )

    def _time_axis(self) -> None:
        painter, plot = self.painter, self.plot
        painter.setPen(QPen(self.faint, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if self.span is None:
            return
        widest = self.metrics.horizontalAdvance(show_month_short(date(2000, 9, 1)))
        ticks, step = month_ticks(*self.span, int(plot.width() // (widest + 14)))
        last_right = -math.inf
        for day in ticks:
            x = self.px(day)
            painter.setPen(QPen(self.faint, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            label = date_label(day, step)
            width = self.metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, plot.left()), plot.right() - width)
            if left < last_right + 6:
                continue
            rect = QRectF(left, plot.bottom() + 3, width + 1, self.metrics.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
            last_right = left + width

    # -- series -------------------------------------------------------------------------------

    def _expected_path(self) -> None:
        data = self.data
        if None in (data.baseline_value, data.target_value, data.baseline_date, data.target_date):
            return
        assert data.baseline_value is not None and data.target_value is not None
        assert data.baseline_date is not None and data.target_date is not None
        colour = QColor(self.accent)
        colour.setAlphaF(0.45)
        pen = QPen(colour, 1.5, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([1.5, 2.5])
        self.painter.setPen(pen)
        start = QPointF(self.px(data.baseline_date), self.y.map(data.baseline_value))
        end = QPointF(self.px(data.target_date), self.y.map(data.target_value))
        self.painter.drawLine(start, end)

    def _reference(self, value: float | None, colour: QColor, name: str, at_right: bool) -> None:
        if value is None:
            return
        painter, plot = self.painter, self.plot
        y = self.y.map(value)
        pen = QPen(colour, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        label = f"{name} {show_number(value)}"
        width = self.metrics.horizontalAdvance(label) + 6
        height = self.metrics.height()
        other = self.data.target_value if at_right else self.data.baseline_value
        above = other is None or other <= value
        top = y - height - 1 if above else y + 1
        if top < plot.top() or top + height > plot.bottom():
            top = y + 1 if above else y - height - 1
        left = plot.right() - width - 2 if at_right else plot.left() + 2
        rect = QRectF(left, top, width, height)
        background = QColor(self.widget.palette().base().color())
        background.setAlphaF(0.8)
        painter.fillRect(rect, background)
        painter.setPen(colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def _measurements(self) -> None:
        points = sorted(self.data.points, key=lambda p: p[0])
        if not points:
            return
        painter = self.painter
        positions = [QPointF(self.px(day), self.y.map(value)) for day, value in points]
        if len(positions) > 1:
            path = QPainterPath(positions[0])
            for point in positions[1:]:
                path.lineTo(point)
            painter.setPen(
                QPen(
                    self.accent,
                    2,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        radius = 3.2
        if len(positions) <= MANY_POINTS:  # more would be a bead chain: the line says it
            painter.setPen(QPen(self.widget.palette().base().color(), 1))
            painter.setBrush(self.accent)
            for point in positions[:-1]:
                painter.drawEllipse(point, radius, radius)
        self._latest(positions[-1], points[-1][1], radius)

    def _latest(self, point: QPointF, value: float, radius: float) -> None:
        painter = self.painter
        status = self.data.status or IndicatorStatus.NO_DATA
        colour = QColor(STATUS_STRONG[status])
        painter.setPen(QPen(self.widget.palette().base().color(), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(point, radius + 1.8, radius + 1.8)
        label = show_number(value)
        width = self.metrics.horizontalAdvance(label) + 4
        height = self.metrics.height()
        left = point.x() - width - radius - 3
        if left < self.plot.left():
            left = point.x() + radius + 3
        top = point.y() - height - radius
        if top < self.plot.top():
            top = point.y() + radius
        painter.setPen(colour)
        painter.drawText(QRectF(left, top, width, height), int(Qt.AlignmentFlag.AlignCenter), label)
