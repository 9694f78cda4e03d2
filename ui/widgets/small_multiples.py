"""Small charts for school data: a sparkline in a table cell, and one chart per indicator.

A :class:`SmallMultiple` shows one computed series: every school as a thin
line, the JST in bold, the comparison level (the country's mean, or zero for
a difference) dashed. The value axis uses the PDFs' tick rule
(:func:`app.axes.value_ticks`), so a chart on screen and on paper
agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.axes import value_ticks
from ui.formatting import show_number
from ui.models.roles import SERIES_ROLE

SCHOOL_COLOUR = QColor(120, 144, 176)
JST_COLOUR = QColor(20, 60, 120)
LEVEL_COLOUR = QColor(190, 90, 40)


def _path(points: Sequence[QPointF | None]) -> QPainterPath:
    """A line through the points; a gap where a value is missing."""
    path = QPainterPath()
    pen_down = False
    for point in points:
        if point is None:
            pen_down = False
            continue
        if pen_down:
            path.lineTo(point)
        else:
            path.moveTo(point)
            pen_down = True
    return path


class SparklineDelegate(QStyledItemDelegate):
    """Draws the row's values (SERIES_ROLE) as a small line, its last point marked."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        values = index.data(SERIES_ROLE)
        present = [v for v in values or [] if v is not None]
        if len(present) < 2:
            return
        rect = QRectF(option.rect).adjusted(6, 5, -6, -5)
        lo, hi = min(present), max(present)
        span = hi - lo or 1.0
        step = rect.width() / max(len(values) - 1, 1)
        points = [
            None
            if v is None
            else QPointF(rect.left() + i * step, rect.bottom() - (v - lo) / span * rect.height())
            for i, v in enumerate(values)
        ]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(JST_COLOUR, 1.4))
        painter.drawPath(_path(points))
        last = next(p for p in reversed(points) if p is not None)
        painter.setBrush(JST_COLOUR)
        painter.drawEllipse(last, 2.2, 2.2)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(90, 22)


@dataclass
class MultipleData:
    title: str
    unit: str
    years: list[int]
    year_labels: list[str]
    jst: dict[int, float] = field(default_factory=dict)
    schools: list[dict[int, float]] = field(default_factory=list)
    level: dict[int, float] = field(default_factory=dict)  # dashed comparison line
    level_label: str = ""


class SmallMultiple(QWidget):
    """One indicator: schools thin, the JST bold, the comparison dashed."""

    def __init__(self, data: MultipleData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.describe())

    def sizeHint(self) -> QSize:
        return QSize(320, 190)

    def describe(self) -> str:
        """The JST's values in words (tooltip and tests)."""
        parts = [
            f"{label}: {show_number(self.data.jst[y])}"
            for y, label in zip(self.data.years, self.data.year_labels, strict=True)
            if y in self.data.jst
        ]
        return f"{self.data.title} ({self.data.unit}) — " + "; ".join(parts)

    def all_values(self) -> list[float]:
        found = list(self.data.jst.values()) + list(self.data.level.values())
        for school in self.data.schools:
            found += list(school.values())
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        painter.setPen(self.palette().text().color())
        title = metrics.elidedText(
            f"{self.data.title} [{self.data.unit}]", Qt.TextElideMode.ElideRight, self.width() - 8
        )
        painter.drawText(QPointF(4, line), title)
        values = self.all_values()
        if not values or not self.data.years:
            painter.end()
            return
        ticks = value_ticks(values, 4)
        label_width = max(metrics.horizontalAdvance(show_number(t)) for t in ticks) + 6
        half_year = metrics.horizontalAdvance("00/00") / 2 + 4  # the last year's label fits
        plot = QRectF(label_width + 4, line * 1.6, self.width() - label_width - 4 - half_year, 0)
        plot.setBottom(self.height() - line * 1.5)
        lo, hi = ticks[0], ticks[-1]
        years = self.data.years

        def x(year: int) -> float:
            if len(years) == 1:
                return plot.center().x()
            return plot.left() + years.index(year) / (len(years) - 1) * plot.width()

        def y(value: float) -> float:
            return plot.bottom() - (value - lo) / ((hi - lo) or 1.0) * plot.height()

        grid_pen = QPen(self.palette().mid().color(), 0.5)
        for tick in ticks:
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y(tick)), QPointF(plot.right(), y(tick)))
            painter.setPen(self.palette().text().color())
            text = show_number(tick)
            painter.drawText(
                QPointF(plot.left() - 4 - metrics.horizontalAdvance(text), y(tick) + line / 3), text
            )
        for year, label in zip(years, self.data.year_labels, strict=True):
            short = label[2:4] + "/" + label[7:9] if "/" in label else label
            width = metrics.horizontalAdvance(short)
            painter.drawText(QPointF(x(year) - width / 2, self.height() - line * 0.4), short)

        def series(points: dict[int, float]) -> QPainterPath:
            return _path([QPointF(x(yr), y(points[yr])) if yr in points else None for yr in years])

        painter.setPen(QPen(SCHOOL_COLOUR, 1.0))
        for school in self.data.schools:
            painter.drawPath(series(school))
        if self.data.level:
            painter.setPen(QPen(LEVEL_COLOUR, 1.5, Qt.PenStyle.DashLine))
            painter.drawPath(series(self.data.level))
        painter.setPen(QPen(JST_COLOUR, 2.8))
        painter.drawPath(series(self.data.jst))
        painter.end()
