"""The 5×5 risk matrix (probability × impact), drawn with QPainter.

Each cell is coloured by the level of its score, darker for worse, so the grid
reads in greyscale too; the score is written in the corner and the number of
risks in a badge. Clicking a cell (or Enter on the keyboard cursor) emits
``cell_clicked``; the page filters its list by it. The cell of the selected risk
is ringed, the cell being filtered by gets a heavy frame.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.i18n import _
from app.services import risks
from app.services.risks import SCALE, RiskLevel, RiskMatrix
from ui.models.risks import LEVEL_COLOURS, level_colours

Cell = tuple[int, int]  # (probability, impact), each 1–5
LEVEL_RANGES = {
    RiskLevel.LOW: "1–4",
    RiskLevel.MEDIUM: "5–9",
    RiskLevel.HIGH: "10–14",
    RiskLevel.CRITICAL: "15–25",
}
GRID_LINE = QColor("#ffffff")
FRAME = QColor("#1a1a1a")
TEXT = QColor("#303030")
TOOLTIP_TITLES = 8


class RiskMatrixWidget(QWidget):
    cell_clicked = Signal(int, int)  # probability, impact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix = RiskMatrix(tuple(tuple(() for _i in SCALE) for _p in SCALE))
        self._titles: dict[str, str] = {}
        self._highlight: Cell | None = None
        self._chosen: Cell | None = None
        self._cursor: Cell = (3, 3)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Macierz ryzyk"))
        self.setToolTip("")  # cells give their own tooltips
        self.setWhatsThis(
            _(
                "Prawdopodobieństwo (w pionie) × wpływ (w poziomie). Kliknij komórkę albo "
                "wybierz ją strzałkami i naciśnij Enter, aby pokazać tylko jej ryzyka."
            )
        )

    # -- data -------------------------------------------------------------------------

    def set_matrix(self, matrix: RiskMatrix, titles: Mapping[str, str]) -> None:
        self._matrix = matrix
        self._titles = dict(titles)
        self.setAccessibleDescription(self.describe())
        self.update()

    def matrix(self) -> RiskMatrix:
        return self._matrix

    def set_highlight(self, risk_id: str | None) -> None:
        """Ring the cell of ``risk_id`` (the risk selected in the list)."""
        self._highlight = self._matrix.position_of(risk_id) if risk_id else None
        self.update()

    def highlighted(self) -> Cell | None:
        return self._highlight

    def set_chosen(self, cell: Cell | None) -> None:
        """Frame the cell the list is filtered by (``None``: no filter)."""
        self._chosen = cell
        if cell is not None:
            self._cursor = cell
        self.update()

    def chosen(self) -> Cell | None:
        return self._chosen

    def describe(self) -> str:
        """The matrix in words, for screen readers: the occupied cells."""
        parts = []
        for probability in reversed(SCALE):
            for impact in SCALE:
                count = len(self._matrix.cell(probability, impact))
                if count:
                    parts.append(
                        _("P{p}×W{i}: {count}").format(p=probability, i=impact, count=count)
                    )
        return "; ".join(parts) or _("Brak aktywnych ryzyk.")

    # -- geometry ---------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(380, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 250)

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _grid(self) -> QRectF:
        """The square the 25 cells fill."""
        line = self._metrics().height()
        left = line * 2 + 8  # the rotated axis title and the numbers
        bottom = line * 2 + 8  # the numbers and the axis title
        legend = len({top for top, _x, _label in self.legend_entries()}) * (line + 4) + 6
        width = self.width() - left - 8
        height = self.height() - 6 - bottom - legend
        side = max(50.0, min(width, height))
        x = left + max(0.0, (width - side) / 2)
        return QRectF(x, 6, side, side)

    def cell_rect(self, probability: int, impact: int) -> QRectF:
        grid = self._grid()
        size = grid.width() / len(SCALE)
        row = len(SCALE) - probability  # probability grows upwards
        return QRectF(grid.left() + (impact - 1) * size, grid.top() + row * size, size, size)

    def cell_at(self, point: QPointF) -> Cell | None:
        for probability in SCALE:
            for impact in SCALE:
                if self.cell_rect(probability, impact).contains(point):
                    return probability, impact
        return None

    # -- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for probability in SCALE:
            for impact in SCALE:
                self._paint_cell(painter, probability, impact)
        painter.setPen(QPen(QColor("#8a8a8a"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._grid())
        self._paint_marks(painter)
        self._paint_axes(painter)
        self._paint_legend(painter)
        painter.end()

    def _paint_cell(self, painter: QPainter, probability: int, impact: int) -> None:
        rect = self.cell_rect(probability, impact)
        score = probability * impact
        background, text = level_colours(score)
        painter.setPen(QPen(GRID_LINE, 2))
        painter.setBrush(background)
        painter.drawRect(rect)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))
        painter.setFont(small)
        painter.setPen(text)
        corner = rect.adjusted(4, 2, -4, -2)
        painter.drawText(
            corner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), str(score)
        )
        count = len(self._matrix.cell(probability, impact))
        if count:
            self._paint_badge(painter, rect, count)

    def _badge_radius(self, rect: QRectF) -> float:
        return max(8.0, min(rect.width() * 0.2, 15.0))  # the ring round it clears the score

    def _badge_centre(self, rect: QRectF) -> QPointF:
        return rect.center() + QPointF(0, rect.height() * 0.14)  # below the score

    def _paint_badge(self, painter: QPainter, rect: QRectF, count: int) -> None:
        radius = self._badge_radius(rect)
        centre = self._badge_centre(rect)
        painter.setPen(QPen(FRAME, 1.5))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(centre, radius, radius)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(FRAME)
        box = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(count))

    def _paint_marks(self, painter: QPainter) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._highlight is not None:
            rect = self.cell_rect(*self._highlight)
            radius = self._badge_radius(rect) + 3
            centre = self._badge_centre(rect)
            painter.setPen(QPen(QColor("#ffffff"), 4))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QPen(FRAME, 2))
            painter.drawEllipse(centre, radius + 1.5, radius + 1.5)
        if self._chosen is not None:
            rect = self.cell_rect(*self._chosen).adjusted(1.5, 1.5, -1.5, -1.5)
            painter.setPen(QPen(QColor("#ffffff"), 5))
            painter.drawRect(rect)
            painter.setPen(QPen(FRAME, 3))
            painter.drawRect(rect)
        if self.hasFocus():
            rect = self.cell_rect(*self._cursor).adjusted(3, 3, -3, -3)
            painter.setPen(QPen(FRAME, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect)

    def _paint_axes(self, painter: QPainter) -> None:
        grid = self._grid()
        metrics = self._metrics()
        line = metrics.height()
        painter.setFont(self.font())
        painter.setPen(TEXT)
        size = grid.width() / len(SCALE)
        centre = int(Qt.AlignmentFlag.AlignCenter)
        for value in SCALE:
            row = self.cell_rect(value, 1)
            painter.drawText(
                QRectF(grid.left() - line - 6, row.top(), line, size), centre, str(value)
            )
            column = self.cell_rect(1, value)
            painter.drawText(
                QRectF(column.left(), grid.bottom() + 2, size, line), centre, str(value)
            )
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + line + 4, grid.width(), line),
            centre,
            _("Wpływ") + " →",
        )
        painter.save()
        painter.translate(grid.left() - line * 2 - 4, grid.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-grid.height() / 2, 0, grid.height(), line),
            centre,
            _("Prawdopodobieństwo") + " →",
        )
        painter.restore()

    def legend_entries(self) -> list[tuple[float, float, str]]:
        """(line, x, label) of each level in the legend: centred, onto more lines when narrow."""
        metrics = self._metrics()
        swatch = metrics.height() * 0.8
        labels = [f"{level.label} {span}" for level, span in LEVEL_RANGES.items()]
        widths = [swatch + 4 + metrics.horizontalAdvance(label) for label in labels]
        room = self.width() - 8.0
        entries: list[tuple[float, float, str]] = []
        line, x = 0.0, 4.0
        if sum(widths) + 14 * (len(widths) - 1) <= room:
            x = 4 + (room - sum(widths) - 14 * (len(widths) - 1)) / 2
        for label, width in zip(labels, widths, strict=True):
            if x > 4.0 and x + width > room + 4:
                line, x = line + 1, 4.0  # the next line
            entries.append((line, x, label))
            x += width + 14
        return entries

    def legend_right(self) -> float:
        """Where the legend's longest line ends (tests check it is inside the widget)."""
        metrics = self._metrics()
        swatch = metrics.height() * 0.8
        return max(
            x + swatch + 4 + metrics.horizontalAdvance(label)
            for _line, x, label in self.legend_entries()
        )

    def _paint_legend(self, painter: QPainter) -> None:
        grid = self._grid()
        metrics = self._metrics()
        top = grid.bottom() + metrics.height() * 2 + 10
        swatch = metrics.height() * 0.8
        for (line, x, label), level in zip(self.legend_entries(), LEVEL_RANGES, strict=True):
            y = top + line * (metrics.height() + 4)
            painter.setPen(QPen(FRAME, 0.8))
            painter.setBrush(QColor(LEVEL_COLOURS[level][0]))
            painter.drawRect(QRectF(x, y + 2, swatch, swatch))
            painter.setPen(TEXT)
            painter.drawText(QPointF(x + swatch + 4, y + metrics.ascent()), label)

    # -- interaction ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if cell is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._cursor = cell
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.cell_clicked.emit(*cell)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Left: (0, -1),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dp, di = moves[key]
            p, i = self._cursor
            self._cursor = (min(5, max(1, p + dp)), min(5, max(1, i + di)))
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.cell_clicked.emit(*self._cursor)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(*cell), self)
            return True
        return super().event(event)

    def cell_text(self, probability: int, impact: int) -> str:
        score = probability * impact
        lines = [
            _("Prawdopodobieństwo {p} × wpływ {i} = {score} ({level})").format(
                p=probability, i=impact, score=score, level=risks.level(score).label
            )
        ]
        ids = self._matrix.cell(probability, impact)
        lines += [f"• {self._titles.get(risk_id, '')}" for risk_id in ids[:TOOLTIP_TITLES]]
        if len(ids) > TOOLTIP_TITLES:
            lines.append(_("…i {count} więcej").format(count=len(ids) - TOOLTIP_TITLES))
        if not ids:
            lines.append(_("Brak ryzyk w tej komórce."))
        return "\n".join(lines)
