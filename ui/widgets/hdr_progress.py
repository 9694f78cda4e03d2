"""How far the HDR has got: a stacked bar of statuses per priority and for the whole schedule.

The counts come from :func:`app.services.schedules.progress_of`; the bar uses the
timeline's colours and hatching, and the words beside it say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.i18n import _
from app.model import ActionStatus
from app.services.overview_signals import Progress
from ui.formatting import show_percent
from ui.models.schedule import OVERDUE_COLOUR, STATUS_STYLES, progress_text

# Left to right: what is finished first, what has not started last.
BAR_ORDER = (
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DELAYED,
    ActionStatus.PLANNED,
    ActionStatus.DROPPED,
)


def count_of(progress: Progress, status: ActionStatus) -> int:
    counts = {
        ActionStatus.DONE: progress.done,
        ActionStatus.IN_PROGRESS: progress.in_progress,
        ActionStatus.DELAYED: progress.delayed,
        ActionStatus.PLANNED: progress.planned,
        ActionStatus.DROPPED: progress.dropped,
    }
    return counts[status]


def counts_text(progress: Progress) -> str:
    """Every status with its count, for a tooltip."""
    lines = [f"{status.label}: {count_of(progress, status)}" for status in BAR_ORDER]
    lines.append(_("po terminie: {count}").format(count=progress.overdue))
    return "\n".join(lines)


class StatusBar(QWidget):
    """One stacked bar: a segment per status, as wide as its share of the items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        self.setToolTip(counts_text(progress))
        self.setAccessibleName(progress_text(progress))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        frame = self.rect().adjusted(0, 2, -1, -3)
        painter.fillRect(frame, self.palette().base())
        total = self.progress.total
        x = frame.left()
        for status in BAR_ORDER if total else ():
            count = count_of(self.progress, status)
            if not count:
                continue
            width = round(frame.width() * count / total)
            if status is BAR_ORDER[-1] or x + width > frame.right():
                width = frame.right() - x + 1
            segment = QRect(x, frame.top(), width, frame.height())
            style = STATUS_STYLES[status]
            painter.fillRect(segment, QColor(style.fill))
            if style.pattern != Qt.BrushStyle.SolidPattern:
                painter.fillRect(segment, QBrush(QColor(style.edge), style.pattern))
            painter.setPen(QPen(QColor(style.edge), 1))
            painter.drawLine(segment.topRight(), segment.bottomRight())
            x += width
        # One quiet frame for every bar: overdue items are said in words beside it.
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)


class ProgressPanel(QWidget):
    """The whole schedule first, then each priority: bar, share done, counts in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[QLabel, StatusBar, QLabel, QLabel]] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.empty = QLabel(_("Harmonogram nie ma jeszcze pozycji, więc nie ma czego liczyć."))
        self.empty.setWordWrap(True)
        from ui.widgets.gantt import GanttLegend

        self.legend = GanttLegend(timeline_marks=False)
        box = QVBoxLayout(self)
        box.addLayout(self.grid)
        box.addSpacing(12)
        box.addWidget(self.legend)
        box.addWidget(self.empty)
        box.addStretch(1)

    def set_progress(self, overall: Progress, priorities: Sequence[tuple[str, Progress]]) -> None:
        while self.grid.count():
            entry = self.grid.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        self.empty.setVisible(overall.total == 0)
        self.legend.setVisible(overall.total > 0)
        if overall.total == 0:
            return
        self._add_row(0, _("Cały harmonogram"), overall, bold=True)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, 1, 0, 1, 4)
        for row, (title, progress) in enumerate(priorities, start=2):
            self._add_row(row, title, progress)

    def _add_row(self, row: int, title: str, progress: Progress, bold: bool = False) -> None:
        name = QLabel(title)
        name.setWordWrap(True)
        name.setMinimumWidth(180)
        name.setMaximumWidth(380)
        bar = StatusBar()
        bar.set_progress(progress)
        share = QLabel(show_percent(progress.share_done))
        share.setToolTip(_("Zrealizowane pozycje wśród niezaniechanych"))
        share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        words = QLabel(progress_text(progress))
        if progress.overdue:
            words.setStyleSheet(f"color: {OVERDUE_COLOUR};")
        if bold:
            font = QFont(name.font())
            font.setBold(True)
            for label in (name, share, words):
                label.setFont(font)
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(bar, row, 1)
        self.grid.addWidget(share, row, 2)
        self.grid.addWidget(words, row, 3)
        self.rows.append((name, bar, share, words))
