"""Columns that keep within their table's width: one column stretches, the others give way.

:func:`fit_width` makes ``stretch`` (the table's important column, usually the
title) take the room the other columns leave. When the table is too narrow for
the widths the other columns want, the widest of them give way first, down to
the width their header needs (it may wrap onto two lines), so the table does not
scroll sideways at 1093×558 while a wide window still shows whole cells. A
column the user drags keeps its new width as the one it wants.

A wide table (the HDR schedule has 13 columns) names ``optional`` columns: when
even the headers do not fit, these fold away in the order given (the record's
form beside the table shows every field) and come back when the table is wide
again. Folding is the table's, not the user's: it is not remembered, and a
column the user shows again from the header's menu stays shown. A column both
kept and optional is shown whole or not at all (a person's name, not "Magdal…").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTableView, QTreeView

from ui.style import fits

STRETCH_ROOM = 90  # the least the stretching column keeps, beyond its header
SORT_ROOM = 14  # the sort arrow beside a header's text


class WidthFit(QObject):
    """The event filter on a table's viewport that keeps its columns within its width."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        stretch: int,
        keep: Sequence[int] = (),
        optional: Sequence[int] = (),
        stretch_room: int = STRETCH_ROOM,
        widths: Mapping[int, int] | None = None,
        whole: Mapping[int, int] | None = None,
    ) -> None:
        header = _header(view)
        super().__init__(header)
        self.view = view
        self.header = header
        self.stretch = stretch
        self.keep = tuple(keep)
        self.stretch_room = stretch_room
        self.widths = dict(widths or {})  # columns that never get narrower than this
        # ... nor than this while an optional column is left to fold (its long form whole)
        self.whole = dict(whole or {})
        self.optional = [column for column in optional if column != stretch]
        self.default_optional = list(self.optional)
        self.folded: list[int] = []  # hidden by the fit, in the order they folded
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

    def _resized(self, column: int, old: int, new: int) -> None:
        if self.setting or column == self.stretch:
            return
        if column in self.folded and old == 0 and new > 0:  # the user showed it again
            self.folded.remove(column)
            self.optional.remove(column)
        self.wanted[column] = new  # dragged by the user, or set by the page's code
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton and not self.pending:
            self.pending = True  # the page's code sized it (to its content): fit once it is done
            QTimer.singleShot(0, self, self._fit_later)  # not after the table is gone

    def _fit_later(self) -> None:
        self.pending = False
        self.fit()

    def pin(self, column: int) -> None:
        """The user showed ``column``: it stays shown however narrow the table."""
        if column in self.folded:
            self.folded.remove(column)
        if column in self.optional:
            self.optional.remove(column)

    def restore_defaults(self) -> None:
        """The columns the user pinned fold again (the header's "default layout")."""
        self.optional = list(self.default_optional)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Sections shown, hidden or sized by code (a remembered layout applied), not the user."""
        before, self.setting = self.setting, True
        try:
            yield
        finally:
            self.setting = before

    @contextmanager
    def unfolded(self) -> Iterator[None]:
        """The folded columns shown for a moment: a layout saved now does not remember them
        as hidden (folding is the table's, not the user's)."""
        folded = [column for column in self.folded if self.header.isSectionHidden(column)]
        with self.quiet():
            for column in folded:
                self.header.showSection(column)
            try:
                yield
            finally:
                for column in folded:
                    self.header.hideSection(column)

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

    def least(self, column: int) -> int:
        """The narrowest ``column`` may be: its header whole, a kept column's content too."""
        least = max(self.floor(column), self.widths.get(column, 0))
        if column in self.keep:
            return max(least, self.view.sizeHintForColumn(column))
        return least

    def room(self) -> int:
        """The width the columns other than the stretching one may share."""
        return self.view.viewport().width() - self.floor(self.stretch) - self.stretch_room

    def fit(self) -> None:
        header = self.header  # a remembered layout may have shown a folded column again
        self.folded = [c for c in self.folded if c < header.count() and header.isSectionHidden(c)]
        self.setting = True
        try:
            if self.stretch < self.header.count():  # a model with new columns resets modes
                self.header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
            self._fold()
        finally:
            self.setting = False
        self._share()

    def _fold(self) -> None:
        """Fold optional columns while the headers alone do not fit; unfold when they do."""
        header = self.header
        room = self.room()

        def needed() -> int:
            return sum(
                max(self.least(column), self.whole.get(column, 0))
                for column in range(header.count())
                if column != self.stretch and not header.isSectionHidden(column)
            )

        if room <= 0:
            return  # not laid out yet
        while self.folded and needed() + self.least(self.folded[-1]) <= room:
            header.showSection(self.folded.pop())
        for column in self.optional:
            if needed() <= room:
                break
            if column < header.count() and not header.isSectionHidden(column):
                header.hideSection(column)
                self.folded.append(column)

    def _share(self) -> None:
        header = self.header
        columns = [
            column
            for column in range(header.count())
            if column != self.stretch and not header.isSectionHidden(column)
        ]
        for column in columns:
            self.wanted.setdefault(column, header.sectionSize(column))
        room = self.room()
        floors = {column: self.least(column) for column in columns}  # dates: whole
        whole = {column: max(floors[column], self.whole.get(column, 0)) for column in columns}
        if sum(whole.values()) <= room:
            floors = whole  # the long forms fit: the other columns give way first
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


def fitting(header: QHeaderView) -> WidthFit | None:
    """The fit installed on ``header``, if any."""
    return header.findChild(WidthFit)


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def fit_width(
    view: QTableView | QTreeView,
    stretch: int,
    keep: Sequence[int] = (),
    optional: Sequence[int] = (),
    stretch_room: int = STRETCH_ROOM,
    widths: Mapping[int, int] | None = None,
    whole: Mapping[int, int] | None = None,
) -> WidthFit:
    """Keep ``view``'s columns within its width, ``stretch`` taking what the others leave.

    The columns in ``keep`` (dates, numbers) never give way below their content; those in
    ``optional`` fold away, in that order, when even the headers do not fit, and the
    stretching column keeps at least ``stretch_room`` beyond its header. ``widths`` gives
    columns a least width of their own (a month column: its short month); ``whole``, the
    width an optional column folds for before such a column goes below it (its long month).
    """
    return WidthFit(view, stretch, keep, optional, stretch_room, widths, whole)
