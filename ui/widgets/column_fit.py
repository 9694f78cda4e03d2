"""Columns that keep within their table's width: one column stretches, the others give way.

:func:`fit_width` makes ``stretch`` (the table's important column, usually the
title) take the room the other columns leave. When the table is too narrow for
the widths the other columns want, the widest of them give way first, down to
the width their header needs (it may wrap onto two lines), so the table does not
scroll sideways at 1093×558 while a wide window still shows whole cells. A
column the user drags keeps its new width as the one it wants.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTableView, QTreeView

from ui.style import fits

STRETCH_ROOM = 90  # the least the stretching column keeps, beyond its header
SORT_ROOM = 14  # the sort arrow beside a header's text


class WidthFit(QObject):
    """The event filter on a table's viewport that keeps its columns within its width."""

    def __init__(
        self, view: QTableView | QTreeView, stretch: int, keep: Sequence[int] = ()
    ) -> None:
        header = _header(view)
        super().__init__(header)
        self.view = view
        self.header = header
        self.stretch = stretch
        self.keep = tuple(keep)
        self.wanted: dict[int, int] = {}
        self.setting = False
        self.pending = False
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._resized)
        header.sectionCountChanged.connect(lambda *_args: self.fit())
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self.setting or column == self.stretch:
            return
        self.wanted[column] = new  # dragged by the user, or set by the page's code
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton and not self.pending:
            self.pending = True  # the page's code sized it (to its content): fit once it is done
            QTimer.singleShot(0, self._fit_later)

    def _fit_later(self) -> None:
        self.pending = False
        self.fit()

    def floor(self, column: int) -> int:
        """The narrowest width that shows the header of ``column`` whole."""
        header = self.header
        model = header.model()
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
        metrics = header.fontMetrics()
        words = text.split() or [""]
        width = max(metrics.horizontalAdvance(word) for word in words)
        while not fits(text, metrics, width, header.height()) and width < 2000:
            width += 4
        return width + margin + SORT_ROOM

    def fit(self) -> None:
        header = self.header
        columns = [
            column
            for column in range(header.count())
            if column != self.stretch and not header.isSectionHidden(column)
        ]
        for column in columns:
            self.wanted.setdefault(column, header.sectionSize(column))
        room = self.view.viewport().width() - self.floor(self.stretch) - STRETCH_ROOM
        floors = {column: self.floor(column) for column in columns}
        for column in (column for column in self.keep if column in floors):  # dates: whole
            floors[column] = max(floors[column], self.view.sizeHintForColumn(column))
        sizes = {column: max(self.wanted[column], floors[column]) for column in columns}
        cap = max(sizes.values(), default=0)
        while cap > 0 and sum(max(floors[c], min(sizes[c], cap)) for c in columns) > room:
            cap -= 2  # the widest columns give way first, down to their header's width
        sizes = {column: max(floors[column], min(sizes[column], cap)) for column in columns}
        self.setting = True
        try:
            for column, size in sizes.items():
                header.resizeSection(column, size)
        finally:
            self.setting = False


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def fit_width(view: QTableView | QTreeView, stretch: int, keep: Sequence[int] = ()) -> WidthFit:
    """Keep ``view``'s columns within its width, ``stretch`` taking what the others leave.

    The columns in ``keep`` (dates, numbers) never give way below their content.
    """
    return WidthFit(view, stretch, keep)
