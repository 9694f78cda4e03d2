"""A stacked bar of counts by status, with a legend: how a set of things is doing, at a glance.

Drawn with QPainter (QtCharts is not shipped). Made to be read in greyscale
too: the segments differ in lightness and the worrying ones are hatched, each
segment wide enough carries its count, and the legend repeats every count in
words. An empty set says so instead of drawing an empty bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import _

BAR_HEIGHT = 22.0
SWATCH = 11.0
GAP = 6.0
LEGEND_SPACING = 14.0


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    colour: str  # fill
    hatched: bool = False  # diagonal lines over the fill: "needs attention", in greyscale too
    text_colour: str = "#ffffff"


class StatusBarChart(QWidget):
    """``set_segments([...])``; segments with a count of 0 appear only in the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[Segment] = []
        self.empty_text = _("Brak danych.")
        # As tall as its legend needs at the width it gets (layouts ask heightForWidth), so
        # the legend is whole on first show, not only after a resize.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(180)

    def set_segments(self, segments: Sequence[Segment], empty_text: str | None = None) -> None:
        self.segments = list(segments)
        if empty_text is not None:
            self.empty_text = empty_text
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.updateGeometry()
        self.update()

    @property
    def total(self) -> int:
        return sum(s.count for s in self.segments)

    def describe(self) -> str:
        """The chart in words (tooltip, screen readers, tests)."""
        if self.total == 0:
            return self.empty_text
        return ", ".join(f"{s.label}: {s.count}" for s in self.segments if s.count)

    # -- size -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(260, round(self._height_for(260)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(self._height_for(width))

    def _height_for(self, width: float) -> float:
        rows = len(self._legend_rows(width)) if self.total else 1
        line = QFontMetricsF(self.font()).height()
        return BAR_HEIGHT + GAP + rows * (line + 2) + 2

    def minimumSizeHint(self) -> QSize:
        return QSize(180, self.heightForWidth(max(self.width(), 180)))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.height() < self.heightForWidth(self.width()):
            self.updateGeometry()  # narrower than before: ask the layout for more height

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            if self.total == 0:
                self._empty(painter)
            else:
                self._bar(painter)
                self._legend(painter)
        finally:
            painter.end()

    def _empty(self, painter: QPainter) -> None:
        bar = QRectF(0.5, 0.5, self.width() - 1.0, BAR_HEIGHT)
        painter.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def _bar(self, painter: QPainter) -> None:
        width = self.width() - 1.0
        x = 0.5
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        painter.setFont(bold)
        shown = [s for s in self.segments if s.count]
        for index, segment in enumerate(shown):
            share = segment.count / self.total
            span = width - (x - 0.5) if index == len(shown) - 1 else width * share
            rect = QRectF(x, 0.5, span, BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(segment.colour))
            painter.drawRect(rect)
            if segment.hatched:
                painter.setBrush(QBrush(QColor(0, 0, 0, 70), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
            label = str(segment.count)
            if metrics.horizontalAdvance(label) + 6 <= span:
                painter.setPen(QColor(segment.text_colour))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            x += span
        painter.setPen(QPen(self.palette().mid().color(), 1))  # one frame, segments butt-joined
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, 0.5, width, BAR_HEIGHT))

    def _legend_rows(self, width: float) -> list[list[tuple[Segment, str]]]:
        metrics = QFontMetricsF(self.font())
        rows: list[list[tuple[Segment, str]]] = [[]]
        used = 0.0
        for segment in self.segments:
            text = f"{segment.label}: {segment.count}"
            need = SWATCH + 4 + metrics.horizontalAdvance(text) + LEGEND_SPACING
            if rows[-1] and used + need > width:
                rows.append([])
                used = 0.0
            rows[-1].append((segment, text))
            used += need
        return rows

    def _legend(self, painter: QPainter) -> None:
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        line = metrics.height() + 2
        y = BAR_HEIGHT + GAP
        for row in self._legend_rows(self.width()):
            x = 0.5
            for segment, text in row:
                swatch = QRectF(x, y + (line - SWATCH) / 2, SWATCH, SWATCH)
                painter.setPen(QPen(self.palette().mid().color(), 1))
                painter.setBrush(QColor(segment.colour))
                painter.drawRect(swatch)
                if segment.hatched:
                    painter.setBrush(QBrush(QColor(0, 0, 0, 90), Qt.BrushStyle.BDiagPattern))
                    painter.drawRect(swatch)
                painter.setPen(
                    self.palette().text().color()
                    if segment.count
                    else self.palette().placeholderText().color()
                )
                text_rect = QRectF(x + SWATCH + 4, y, metrics.horizontalAdvance(text) + 2, line)
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
                x += SWATCH + 4 + metrics.horizontalAdvance(text) + LEGEND_SPACING
            y += line
