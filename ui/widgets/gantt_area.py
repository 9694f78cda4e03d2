"""The timeline's data and geometry: months across, rows down, scrolling and scale.

:class:`TimelineArea` knows where every month, row and bar is; painting lives in
:mod:`ui.widgets.gantt_paint` and the mouse and keys in :mod:`ui.widgets.gantt`.
The month arithmetic itself is Qt-free in :mod:`app.timeline`, shared with the
PDF Gantt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QWidget

from app import timeline
from app.i18n import _
from app.months import month_index
from ui.models.schedule import TimelineRow

MONTHS, QUARTERS = "months", "quarters"
MONTH_WIDTH = {MONTHS: 36, QUARTERS: 13}
LABEL_WIDTH = 250
EDGE_GRAB = 5  # pixels either side of a bar's end that pick up the end
BAR_MARGIN = 5
INDENT = 14
MIN_BAR = 4  # pixels: the width of a one-day term's mark
TODAY_COLOUR = "#d32f2f"
OUTSIDE_FILL = "#9e9e9e"


@dataclass
class _Drag:
    item_id: str
    part: str  # start | end | move
    origin_x: int
    start: int  # month indexes, as when the drag began
    end: int
    new_start: int
    new_end: int

    @property
    def changed(self) -> bool:
        return (self.new_start, self.new_end) != (self.start, self.end)


class TimelineArea(QAbstractScrollArea):
    """A scrolling timeline of rows; select, drag and key presses are reported by signals."""

    item_selected = Signal(str)  # id of the item or priority ("" for none)
    dates_changed = Signal(str, object, object)  # item id, new start month, new end month
    activated = Signal(str)  # Enter: go to the item's form
    delete_requested = Signal(str)
    zoom_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineRow] = []
        self._rows_by_id: dict[str, int] = {}
        self.period: tuple[date, date] | None = None
        self.today = date.today()
        self.zoom = MONTHS
        self.selected_id = ""
        self._first = month_index(self.today)
        self._last = self._first
        self._drag: _Drag | None = None
        # Until the user scrolls or zooms, every resize re-fits the view to the HDR.
        self._auto_place = True
        self.editable = True  # bars can be dragged and nudged
        self.names_heading = _("Priorytet / działanie")
        self.empty_text = _("Harmonogram nie ma jeszcze pozycji.")
        self.auto_zoom = True  # until the user picks a scale: quarters when months do not fit
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.horizontalScrollBar().actionTriggered.connect(self._user_scrolled)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)

    # -- data -------------------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[TimelineRow],
        period: tuple[date, date] | None,
        today: date | None = None,
        new_schedule: bool = False,
    ) -> None:
        """Show ``rows``; the scroll position is kept unless ``new_schedule``."""
        self.rows = list(rows)
        self._rows_by_id = {row.id: index for index, row in enumerate(self.rows)}
        self.period = period
        self.today = today or date.today()
        self._drag = None
        if self.selected_id and self._row_of(self.selected_id) < 0:
            self.selected_id = ""
        self._fit_range()
        self._update_scrollbars()
        if new_schedule:
            self._auto_place = True
        self._place()
        self.viewport().update()

    def _place(self) -> None:
        """Fit the view to the HDR (scale and scroll) until the user takes over."""
        if not self._auto_place or not self.rows or self.viewport().width() <= LABEL_WIDTH:
            return
        if self.auto_zoom:
            fits = self.month_count * MONTH_WIDTH[MONTHS] <= self.viewport().width() - LABEL_WIDTH
            self._apply_zoom(MONTHS if fits else QUARTERS)
        self._scroll_to_start()

    def set_zoom(self, zoom: str) -> None:
        """The user's choice of scale (kept for every HDR shown afterwards)."""
        self.auto_zoom = False
        self._user_scrolled()
        self._apply_zoom(zoom)

    def _user_scrolled(self, *_args: object) -> None:
        self._auto_place = False

    def _apply_zoom(self, zoom: str) -> None:
        if zoom == self.zoom:
            return
        # Keep the month in the middle of the view in the middle.
        half = max(self.viewport().width() - LABEL_WIDTH, 0) // 2
        middle = self.month_at_x(LABEL_WIDTH + half)
        self.zoom = zoom
        self._fit_range()
        self._update_scrollbars()
        self.horizontalScrollBar().setValue((middle - self._first) * self.month_width - half)
        self.viewport().update()
        self.zoom_changed.emit(zoom)

    def select(self, record_id: str, scroll: bool = True) -> None:
        """Select a row (from the table) without telling anyone back."""
        if record_id == self.selected_id:
            return
        self.selected_id = record_id if self._row_of(record_id) >= 0 else ""
        if scroll and self.selected_id:
            self.ensure_visible(self.selected_id)
        self.viewport().update()

    def _fit_range(self) -> None:
        months = [month_index(d) for r in self.rows for d in (r.start, r.end) if d is not None]
        if self.period is not None:
            months += [month_index(self.period[0]), month_index(self.period[1])]
        self._first, self._last = timeline.fit_range(months, self.today, self.zoom == QUARTERS)

    # -- geometry ------------------------------------------------------------------------------

    @property
    def month_width(self) -> int:
        return MONTH_WIDTH[self.zoom]

    @property
    def row_height(self) -> int:
        return self.fontMetrics().height() + 12

    @property
    def header_height(self) -> int:
        return 2 * (self.fontMetrics().height() + 6)

    @property
    def month_count(self) -> int:
        return self._last - self._first + 1

    def _origin(self) -> int:
        """The x of the first month's left edge in the viewport."""
        return LABEL_WIDTH - self.horizontalScrollBar().value()

    def x_of(self, index: int) -> int:
        """The x of the left edge of month ``index`` (see ``month_index``)."""
        return self._origin() + (index - self._first) * self.month_width

    def month_at_x(self, x: int) -> int:
        return self._first + (x - self._origin()) // self.month_width

    def _boundary_at(self, x: int) -> int:
        """The month boundary nearest ``x``: the index of the month that starts there."""
        return self._first + round((x - self._origin()) / self.month_width)

    def row_top(self, row: int) -> int:
        return self.header_height + row * self.row_height - self.verticalScrollBar().value()

    def row_at(self, y: int) -> int:
        if y < self.header_height:
            return -1
        row = (y - self.header_height + self.verticalScrollBar().value()) // self.row_height
        return row if 0 <= row < len(self.rows) else -1

    def visible_rows(self) -> range:
        """The rows that show in the viewport now (only these are painted)."""
        top = self.verticalScrollBar().value() // self.row_height
        count = self.viewport().height() // self.row_height + 2
        return range(top, min(top + count, len(self.rows)))

    def _row_of(self, record_id: str) -> int:
        return self._rows_by_id.get(record_id, -1)

    def _span(self, row: TimelineRow) -> tuple[int, int] | None:
        """The first and last month of a row's bar (of all its periods)."""
        if self._drag is not None and row.id == self._drag.item_id:
            return self._drag.new_start, self._drag.new_end
        if row.start is None or row.end is None:
            return None
        return month_index(row.start), month_index(row.end)

    def bar_rect(self, record_id: str) -> QRect:
        """Where the bar of an item is drawn, in viewport coordinates (empty if none)."""
        row = self._row_of(record_id)
        span = self._span(self.rows[row]) if row >= 0 else None
        if span is None:
            return QRect()
        left, right = self.x_of(span[0]), self.x_of(span[1] + 1)
        top = self.row_top(row) + BAR_MARGIN
        return QRect(left, top, right - left, self.row_height - 2 * BAR_MARGIN)

    def bar_rects(self, record_id: str) -> list[QRect]:
        """One rectangle a period: a row's spans to the day (a day is a thin mark), or its bar."""
        row = self._row_of(record_id)
        if row < 0 or not self.rows[row].spans:
            rect = self.bar_rect(record_id)
            return [] if rect.isNull() else [rect]
        top = self.row_top(row) + BAR_MARGIN
        rects = []
        for start, end in self.rows[row].spans:
            left, right = (self._x_at(p) for p in timeline.span(start, end))
            if right - left < MIN_BAR:  # a single day: a thin mark centred on it
                left, right = (left + right - MIN_BAR) // 2, (left + right + MIN_BAR) // 2
            rects.append(QRect(left, top, right - left, self.row_height - 2 * BAR_MARGIN))
        return rects

    def _x_at(self, position: float) -> int:
        """The x of a position in months (see :mod:`app.timeline`)."""
        return self._origin() + round((position - self._first) * self.month_width)

    def ensure_visible(self, record_id: str) -> None:
        row = self._row_of(record_id)
        if row < 0:
            return
        self._user_scrolled()
        vertical = self.verticalScrollBar()
        body = self.viewport().height() - self.header_height
        top = row * self.row_height
        if top < vertical.value():
            vertical.setValue(top)
        elif top + self.row_height > vertical.value() + body:
            vertical.setValue(top + self.row_height - body)
        rect = self.bar_rect(record_id)
        if rect.isNull():
            return
        horizontal = self.horizontalScrollBar()
        if rect.left() < LABEL_WIDTH or rect.left() > self.viewport().width() - self.month_width:
            horizontal.setValue(
                horizontal.value() + rect.left() - LABEL_WIDTH - 2 * self.month_width
            )

    def _scroll_to_start(self) -> None:
        """Show the whole period if it fits, else today (when within the period), else its start."""
        visible = (self.viewport().width() - LABEL_WIDTH) // self.month_width
        period = None
        if self.period is not None:
            period = (month_index(self.period[0]), month_index(self.period[1]))
        wanted = timeline.first_visible(self._first, self._last, period, self.today, visible)
        self.horizontalScrollBar().setValue((wanted - self._first) * self.month_width)

    def _update_scrollbars(self) -> None:
        width = self.month_count * self.month_width
        visible = max(self.viewport().width() - LABEL_WIDTH, 0)
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(width - visible, 0))
        horizontal.setPageStep(max(visible, 1))
        horizontal.setSingleStep(self.month_width)
        height = len(self.rows) * self.row_height
        body = max(self.viewport().height() - self.header_height, 0)
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(height - body, 0))
        vertical.setPageStep(max(body, 1))
        vertical.setSingleStep(self.row_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()
        self._place()

    def sizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + 24 * MONTH_WIDTH[MONTHS], self.header_height + 8 * 26)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + 6 * MONTH_WIDTH[MONTHS], self.header_height + 3 * 26)
