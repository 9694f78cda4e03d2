"""The HDR timeline (Gantt): months across, items grouped by priority, bars by status.

Drawn with QPainter (QtCharts is not shipped). The left column with the names
stays put while the months scroll. A bar's colour, its hatching and the mark at
its start all tell its status, so a greyscale printout still reads; an overdue
bar gets a thick red outline and a ⚠ after its end, and a red dashed line marks
today. Months outside the HDR's period are hatched grey.

Dragging a bar's end changes its start or end month (snapped to months; the end
can never pass the start); dragging its middle moves the whole bar. Nothing is
written here: a finished drag or key press emits :attr:`GanttView.dates_changed`
once, and the page turns it into one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QToolTip, QWidget

from app.i18n import _
from app.model import ActionStatus
from app.services.hdr import month_at, month_index
from ui.formatting import show_month
from ui.models.schedule import OVERDUE_COLOUR, STATUS_STYLES, WARNING_MARK, TimelineRow

MONTHS, QUARTERS = "months", "quarters"
MONTH_WIDTH = {MONTHS: 36, QUARTERS: 13}
LABEL_WIDTH = 250
EDGE_GRAB = 5  # pixels either side of a bar's end that pick up the end
BAR_MARGIN = 5
INDENT = 14
TODAY_COLOUR = "#d32f2f"
OUTSIDE_FILL = "#9e9e9e"
QUARTER_NAMES = ("I", "II", "III", "IV")


def keys_help() -> str:
    return _(
        "Przeciągnij koniec paska, aby zmienić miesiąc rozpoczęcia lub zakończenia; "
        "przeciągnij środek, aby przesunąć całą pozycję.\n"
        "Klawiatura: ↑/↓ wybór pozycji, Ctrl+←/→ miesiąc zakończenia, "
        "Ctrl+Shift+←/→ miesiąc rozpoczęcia, Alt+←/→ cała pozycja, ←/→ przewijanie, "
        "Home dzisiaj, Enter formularz, Delete usunięcie. Każdą zmianę cofa Ctrl+Z."
    )


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


class GanttView(QAbstractScrollArea):
    """The timeline of one HDR; select, drag and key presses are reported by signals."""

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
        self.auto_zoom = True  # until the user picks a scale: quarters when months do not fit
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Oś czasu HDR"))
        self.setAccessibleDescription(keys_help())
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
        if not months:
            months = [month_index(self.today)]
        # Room on both sides to drag a bar past the current ends.
        first, last = min(months) - 2, max(months) + 2
        if self.zoom == QUARTERS:
            first -= first % 3
            last += 2 - last % 3
        self._first, self._last = first, last

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
        """Show the whole HDR if it fits, else today (when within the period), else its start."""
        visible = (self.viewport().width() - LABEL_WIDTH) // self.month_width
        start = month_index(self.period[0]) if self.period is not None else self._first + 2
        end = month_index(self.period[1]) if self.period is not None else self._last - 2
        today = month_index(self.today)
        if end - start + 3 <= visible:
            wanted = self._first
        elif not start <= today <= end:
            wanted = start - 1
        else:
            wanted = today - max(visible // 3, 1)
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

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            _Painter(self, painter).draw()
        finally:
            painter.end()

    # -- mouse -------------------------------------------------------------------------------------

    def _hit(self, pos: QPoint) -> tuple[str, str]:
        """(record id, part) under ``pos``; part is start, end, move, row or ""."""
        row = self.row_at(pos.y())
        if row < 0:
            return "", ""
        record = self.rows[row]
        if record.kind != "item" or pos.x() < LABEL_WIDTH:
            return record.id, "row"
        rect = self.bar_rect(record.id)
        if rect.isNull() or not rect.adjusted(-EDGE_GRAB, 0, EDGE_GRAB, 0).contains(pos):
            return record.id, "row"
        to_left, to_right = abs(pos.x() - rect.left()), abs(pos.x() - rect.right())
        if min(to_left, to_right) <= EDGE_GRAB:
            return record.id, "start" if to_left < to_right else "end"
        return record.id, "move"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        record_id, part = self._hit(pos)
        self._choose(record_id)
        if part in ("start", "end", "move"):
            row = self.rows[self._row_of(record_id)]
            assert row.start is not None and row.end is not None
            start, end = month_index(row.start), month_index(row.end)
            self._drag = _Drag(record_id, part, pos.x(), start, end, start, end)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        drag = self._drag
        if drag is None:
            _record_id, part = self._hit(pos)
            shapes = {
                "start": Qt.CursorShape.SizeHorCursor,
                "end": Qt.CursorShape.SizeHorCursor,
                "move": Qt.CursorShape.OpenHandCursor,
            }
            self.viewport().setCursor(shapes.get(part, Qt.CursorShape.ArrowCursor))
            return
        if drag.part == "start":
            drag.new_start, drag.new_end = min(self._boundary_at(pos.x()), drag.end), drag.end
        elif drag.part == "end":
            drag.new_start, drag.new_end = (
                drag.start,
                max(self._boundary_at(pos.x()) - 1, drag.start),
            )
        else:
            shift = round((pos.x() - drag.origin_x) / self.month_width)
            drag.new_start, drag.new_end = drag.start + shift, drag.end + shift
        self.viewport().update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        if drag is None:  # a click, or a drag cancelled with Escape
            return
        self._preview(drag)
        if drag.changed:
            self.dates_changed.emit(drag.item_id, month_at(drag.new_start), month_at(drag.new_end))
        self.viewport().update()
        event.accept()

    def _preview(self, drag: _Drag) -> None:
        """Show the dropped dates at once; the reload after the command confirms them."""
        row = self._row_of(drag.item_id)
        if row >= 0 and drag.changed:
            self.rows[row] = replace(
                self.rows[row], start=month_at(drag.new_start), end=month_at(drag.new_end)
            )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        record_id, _part = self._hit(event.position().toPoint())
        if record_id:
            self.activated.emit(record_id)

    def _choose(self, record_id: str) -> None:
        if record_id != self.selected_id:
            self.selected_id = record_id
            self.viewport().update()
            self.item_selected.emit(record_id)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self._tooltip_at(event.pos()), self.viewport())
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, pos: QPoint) -> str:
        row = self.row_at(pos.y())
        if row < 0:
            return keys_help()
        record = self.rows[row]
        if record.kind == "priority":
            return "\n".join(t for t in (record.label, record.summary) if t)
        return bar_tooltip(record)

    # -- keyboard ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (ctrl or alt):
            self._step_selection(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if ctrl and shift:
                self.nudge("start", step)
            elif ctrl:
                self.nudge("end", step)
            elif alt:
                self.nudge("move", step)
            else:
                self._user_scrolled()
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + step * self.month_width)
        elif key == Qt.Key.Key_Home:
            self._user_scrolled()
            self._scroll_to_today()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id:
            self.activated.emit(self.selected_id)
        elif key == Qt.Key.Key_Delete and self.selected_id:
            self.delete_requested.emit(self.selected_id)
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.viewport().update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step_selection(self, step: int) -> None:
        if not self.rows:
            return
        row = self._row_of(self.selected_id)
        row = 0 if row < 0 else max(0, min(row + step, len(self.rows) - 1))
        self._choose(self.rows[row].id)
        self.ensure_visible(self.rows[row].id)

    def nudge(self, part: str, step: int) -> None:
        """Move the selected item's start, end or both by ``step`` months (never end < start)."""
        row = self._row_of(self.selected_id)
        if row < 0 or self.rows[row].kind != "item":
            return
        record = self.rows[row]
        assert record.start is not None and record.end is not None
        start, end = month_index(record.start), month_index(record.end)
        new_start = start + step if part in ("start", "move") else start
        new_end = end + step if part in ("end", "move") else end
        if new_end < new_start:
            return
        drag = _Drag(record.id, part, 0, start, end, new_start, new_end)
        self._preview(drag)
        self._fit_range()
        self._update_scrollbars()
        self.ensure_visible(record.id)
        self.dates_changed.emit(record.id, month_at(new_start), month_at(new_end))

    def _scroll_to_today(self) -> None:
        wanted = month_index(self.today) - 2
        self.horizontalScrollBar().setValue((wanted - self._first) * self.month_width)


def bar_tooltip(row: TimelineRow) -> str:
    lines = [row.label]
    if row.start is not None and row.end is not None:
        lines.append(f"{show_month(row.start)} – {show_month(row.end)}")
    lines.append(_("Status: {status}").format(status=row.status.label))
    if row.overdue:
        lines.append(WARNING_MARK + " " + _("Po terminie"))
    if row.warning:
        lines.append(WARNING_MARK + " " + row.warning)
    return "\n".join(lines)


class _Painter:
    """One paint of the timeline: grid, rows, bars, today, header, names."""

    def __init__(self, view: GanttView, painter: QPainter) -> None:
        self.view = view
        self.painter = painter
        palette = view.palette()
        self.base = palette.base().color()
        self.text = palette.text().color()
        self.grid = palette.mid().color()
        self.light_grid = QColor(self.grid)
        self.light_grid.setAlpha(70)
        self.highlight = QColor(palette.highlight().color())
        self.highlight.setAlpha(45)
        self.band = palette.alternateBase().color()
        self.summary = QColor(self.text)
        self.summary.setAlpha(170)
        self.width = view.viewport().width()
        self.height = view.viewport().height()
        self.bold = QFont(view.font())
        self.bold.setBold(True)
        self.small = QFont(view.font())
        self.small.setPointSizeF(max(view.font().pointSizeF() * 0.9, 6.5))

    def draw(self) -> None:
        painter, view = self.painter, self.view
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(0, 0, self.width, self.height, self.base)
        timeline = QRect(LABEL_WIDTH, 0, self.width - LABEL_WIDTH, self.height)
        painter.save()
        painter.setClipRect(timeline)
        self._outside_period()
        self._row_bands(LABEL_WIDTH)
        self._grid()
        for row in view.visible_rows():
            record = view.rows[row]
            if record.kind == "item":
                self._bar(row, record)
            else:
                self._summary(row, record)
        self._today()
        painter.restore()
        self._names()
        self._header()
        if not view.rows:
            self._empty()

    # -- background ------------------------------------------------------------------------

    def _outside_period(self) -> None:
        view = self.view
        if view.period is None:
            return
        colour = QColor(OUTSIDE_FILL)
        colour.setAlpha(90)
        brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        top = view.header_height
        before = view.x_of(month_index(view.period[0]))
        after = view.x_of(month_index(view.period[1]) + 1)
        self.painter.fillRect(QRect(LABEL_WIDTH, top, before - LABEL_WIDTH, self.height), brush)
        self.painter.fillRect(QRect(after, top, self.width - after, self.height), brush)

    def _row_bands(self, left: int) -> None:
        view = self.view
        for row in view.visible_rows():
            record = view.rows[row]
            top = view.row_top(row)
            if top > self.height or top + view.row_height < view.header_height:
                continue
            rect = QRect(left, top, self.width - left, view.row_height)
            if record.kind == "priority":
                self.painter.fillRect(rect, self.band)
            if record.id == view.selected_id:
                self.painter.fillRect(rect, self.highlight)

    def _grid(self) -> None:
        view = self.view
        for index in range(view._first, view._last + 2):
            x = view.x_of(index)
            if x < LABEL_WIDTH or x > self.width:
                continue
            month = index % 12
            if month == 0:
                self.painter.setPen(QPen(self.grid, 1))
            elif view.zoom == MONTHS or month % 3 == 0:
                self.painter.setPen(QPen(self.light_grid, 1))
            else:
                continue
            self.painter.drawLine(x, view.header_height, x, self.height)

    # -- bars ------------------------------------------------------------------------------------

    def _bar(self, row: int, record: TimelineRow) -> None:
        view, painter = self.view, self.painter
        rect = view.bar_rect(record.id)
        if rect.isNull() or rect.bottom() < view.header_height or rect.top() > self.height:
            return
        style = STATUS_STYLES[record.status]
        painter.fillRect(rect, QColor(style.fill))
        if style.pattern != Qt.BrushStyle.SolidPattern:
            painter.fillRect(rect, QBrush(QColor(style.edge), style.pattern))
        selected = record.id == view.selected_id
        dragging = view._drag is not None and view._drag.item_id == record.id
        edge = QColor(OVERDUE_COLOUR) if record.overdue else QColor(style.edge)
        width = 3 if record.overdue else (2 if selected or dragging else 1)
        painter.setPen(
            QPen(edge, width, Qt.PenStyle.DashLine if dragging else Qt.PenStyle.SolidLine)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self._mark(rect, style.mark, record)
        if selected:
            self._handles(rect)

    def _mark(self, rect: QRect, mark: str, record: TimelineRow) -> None:
        """The status mark at the bar's start (beside it if the bar is narrow), ⚠ after it."""
        painter = self.painter
        metrics = QFontMetrics(self.bold)
        painter.setFont(self.bold)
        mark_width = metrics.horizontalAdvance(mark) + 6
        if rect.width() >= mark_width + 2:
            box = QRect(rect.left() + 1, rect.top(), mark_width, rect.height())
            self._haloed_text(box, mark, QColor("#ffffff"), QColor("#1a1a1a"))
            after = rect.right() + 4
        else:
            box = QRect(rect.right() + 3, rect.top(), mark_width, rect.height())
            self._haloed_text(box, mark, self.base, self.text)
            after = box.right() + 2
        if record.overdue or record.warning:
            colour = QColor(OVERDUE_COLOUR) if record.overdue else QColor("#8a5300")
            painter.setPen(colour)
            warn = QRect(
                after, rect.top(), metrics.horizontalAdvance(WARNING_MARK) + 4, rect.height()
            )
            painter.drawText(warn, Qt.AlignmentFlag.AlignCenter, WARNING_MARK)

    def _haloed_text(self, box: QRect, text: str, halo: QColor, colour: QColor) -> None:
        """Text with a thin outline of ``halo``: readable on any bar colour and pattern."""
        painter = self.painter
        metrics = QFontMetrics(self.bold)
        x = box.left() + (box.width() - metrics.horizontalAdvance(text)) / 2
        y = box.top() + (box.height() + metrics.ascent() - metrics.descent()) / 2
        path = QPainterPath()
        path.addText(QPointF(x, y), self.bold, text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(
            QPen(halo, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.restore()

    def _handles(self, rect: QRect) -> None:
        painter = self.painter
        painter.setPen(QPen(self.text, 1))
        painter.setBrush(self.base)
        for x in (rect.left(), rect.right()):
            painter.drawRect(QRect(x - 3, rect.center().y() - 5, 6, 10))

    def _summary(self, row: int, record: TimelineRow) -> None:
        """A priority's span: a thin dark bar from its first start to its last end."""
        view = self.view
        children = []
        for other in view.rows[row + 1 :]:
            if other.kind != "item":
                break
            span = view._span(other)
            if span is not None:
                children.append(span)
        if not children:
            return
        left = view.x_of(min(s for s, _e in children))
        right = view.x_of(max(e for _s, e in children) + 1)
        middle = view.row_top(row) + view.row_height // 2
        painter = self.painter
        painter.fillRect(QRect(left, middle - 2, right - left, 4), self.summary)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.summary)
        for x in (left, right):
            tip = QPainterPath()
            tip.moveTo(x - 4, middle + 1)
            tip.lineTo(x + 4, middle + 1)
            tip.lineTo(x, middle + 6)
            tip.closeSubpath()
            painter.drawPath(tip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _today(self) -> None:
        view = self.view
        index = month_index(view.today)
        days = _days_in_month(view.today)
        x = view.x_of(index) + round((view.today.day - 0.5) / days * view.month_width)
        if x < LABEL_WIDTH or x > self.width:
            return
        pen = QPen(QColor(TODAY_COLOUR), 2, Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        self.painter.drawLine(x, view.header_height // 2, x, self.height)

    # -- header and names --------------------------------------------------------------------------

    def _header(self) -> None:
        view, painter = self.view, self.painter
        line = view.header_height // 2
        painter.fillRect(0, 0, self.width, view.header_height, self.band)
        painter.save()
        painter.setClipRect(QRect(LABEL_WIDTH, 0, self.width - LABEL_WIDTH, view.header_height))
        painter.setFont(self.bold)
        painter.setPen(self.text)
        for year in range(view._first // 12, view._last // 12 + 1):
            left = max(view.x_of(year * 12), LABEL_WIDTH)
            right = min(view.x_of(year * 12 + 12), self.width)
            if right - left > 30:
                painter.drawText(
                    QRect(left, 0, right - left, line), Qt.AlignmentFlag.AlignCenter, str(year)
                )
            painter.setPen(QPen(self.grid, 1))
            painter.drawLine(view.x_of(year * 12), 0, view.x_of(year * 12), view.header_height)
            painter.setPen(self.text)
        painter.setFont(self.small)
        for index, text, span in self._ticks():
            box = QRect(view.x_of(index), line, span * view.month_width, line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        self._today_label(line)
        painter.restore()
        painter.setPen(QPen(self.grid, 1))
        painter.drawLine(0, view.header_height - 1, self.width, view.header_height - 1)
        painter.setFont(self.bold)
        painter.setPen(self.text)
        painter.drawText(
            QRect(8, 0, LABEL_WIDTH - 12, view.header_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            _("Priorytet / działanie"),
        )

    def _ticks(self) -> list[tuple[int, str, int]]:
        view = self.view
        if view.zoom == MONTHS:
            from PySide6.QtCore import QLocale

            locale = QLocale()
            return [
                (i, locale.standaloneMonthName(i % 12 + 1, QLocale.FormatType.ShortFormat), 1)
                for i in range(view._first, view._last + 1)
            ]
        return [
            (i, _("{quarter} kw.").format(quarter=QUARTER_NAMES[(i % 12) // 3]), 3)
            for i in range(view._first, view._last + 1)
            if i % 3 == 0
        ]

    def _today_label(self, line: int) -> None:
        view, painter = self.view, self.painter
        index = month_index(view.today)
        x = view.x_of(index) + round(
            (view.today.day - 0.5) / _days_in_month(view.today) * view.month_width
        )
        if x < LABEL_WIDTH or x > self.width:
            return
        text = _("dziś")
        metrics = QFontMetrics(self.small)
        box = QRect(
            x - metrics.horizontalAdvance(text) // 2 - 3,
            1,
            metrics.horizontalAdvance(text) + 6,
            line - 2,
        )
        painter.fillRect(box, QColor(TODAY_COLOUR))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(self.text)

    def _names(self) -> None:
        view, painter = self.view, self.painter
        painter.save()
        painter.setClipRect(QRect(0, view.header_height, LABEL_WIDTH, self.height))
        painter.fillRect(QRect(0, view.header_height, LABEL_WIDTH, self.height), self.base)
        self._row_bands_in_names()
        for row in view.visible_rows():
            record = view.rows[row]
            top = view.row_top(row)
            if top > self.height or top + view.row_height < view.header_height:
                continue
            self._name(QRect(0, top, LABEL_WIDTH, view.row_height), record)
        if view.hasFocus() and view.selected_id:
            row = view._row_of(view.selected_id)
            focus = QRect(1, view.row_top(row) + 1, self.width - 3, view.row_height - 2)
            painter.setClipping(False)
            painter.setPen(QPen(self.text, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(focus)
        painter.restore()
        painter.setPen(QPen(self.grid, 1))
        painter.drawLine(LABEL_WIDTH - 1, 0, LABEL_WIDTH - 1, self.height)

    def _row_bands_in_names(self) -> None:
        view = self.view
        for row in view.visible_rows():
            record = view.rows[row]
            rect = QRect(0, view.row_top(row), LABEL_WIDTH, view.row_height)
            if record.kind == "priority":
                self.painter.fillRect(rect, self.band)
            if record.id == view.selected_id:
                self.painter.fillRect(rect, self.highlight)

    def _name(self, rect: QRect, record: TimelineRow) -> None:
        painter = self.painter
        if record.kind == "priority":
            font, left, colour = self.bold, 8, self.text
        else:
            font, left = self.view.font(), 8 + INDENT
            colour = QColor(OVERDUE_COLOUR) if record.overdue else self.text
        painter.setFont(font)
        painter.setPen(colour)
        text = record.label
        if record.kind == "item" and record.overdue:
            text = f"{WARNING_MARK} {text}"
        box = rect.adjusted(left, 0, -6, 0)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    def _empty(self) -> None:
        painter = self.painter
        painter.setPen(self.view.palette().placeholderText().color())
        painter.setFont(self.view.font())
        painter.drawText(
            QRectF(LABEL_WIDTH, self.view.header_height, self.width - LABEL_WIDTH, 80),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            _("Harmonogram nie ma jeszcze pozycji."),
        )


def _days_in_month(day: date) -> int:
    following = month_at(month_index(day) + 1)
    return (following - day.replace(day=1)).days


class GanttLegend(QWidget):
    """What the colours, patterns and marks of the timeline mean."""

    def __init__(self, parent: QWidget | None = None, timeline_marks: bool = True) -> None:
        super().__init__(parent)
        self.timeline_marks = timeline_marks
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Legenda osi czasu") if timeline_marks else _("Legenda statusów"))

    def entries(self) -> list[tuple[str, str]]:
        entries = [(status.value, status.label) for status in ActionStatus]
        if not self.timeline_marks:
            return entries
        entries += [
            ("overdue", _("po terminie")),
            ("outside", _("poza okresem HDR")),
            ("today", _("dziś")),
        ]
        return entries

    def _layout(self) -> list[tuple[QRect, str, str]]:
        """Where each entry goes, wrapping onto more lines when narrow."""
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        x, y = 4, 2
        placed: list[tuple[QRect, str, str]] = []
        for key, text in self.entries():
            width = 30 + metrics.horizontalAdvance(text) + 18
            if x + width > self.width() and x > 4:
                x, y = 4, y + line
            placed.append((QRect(x, y, width, line), key, text))
            x += width
        return placed

    def sizeHint(self) -> QSize:
        rows = {rect.top() for rect, _k, _t in self._layout()}
        return QSize(600, (self.fontMetrics().height() + 8) * max(len(rows), 1) + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self.sizeHint().height()
        if wanted != self.height():  # wrapped onto more (or fewer) lines
            self.setFixedHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            for rect, key, text in self._layout():
                swatch = QRect(rect.left(), rect.top() + 4, 24, rect.height() - 8)
                self._swatch(painter, swatch, key)
                painter.setPen(self.palette().text().color())
                painter.setFont(self.font())
                painter.drawText(
                    rect.adjusted(30, 0, 0, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
        finally:
            painter.end()

    def _swatch(self, painter: QPainter, rect: QRect, key: str) -> None:
        if key in {s.value for s in ActionStatus}:
            style = STATUS_STYLES[ActionStatus(key)]
            painter.fillRect(rect, QColor(style.fill))
            if style.pattern != Qt.BrushStyle.SolidPattern:
                painter.fillRect(rect, QBrush(QColor(style.edge), style.pattern))
            painter.setPen(QPen(QColor(style.edge), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, style.mark)
        elif key == "overdue":
            painter.fillRect(rect, QColor(STATUS_STYLES[ActionStatus.PLANNED].fill))
            painter.setPen(QPen(QColor(OVERDUE_COLOUR), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif key == "outside":
            colour = QColor(OUTSIDE_FILL)
            colour.setAlpha(140)
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:
            pen = QPen(QColor(TODAY_COLOUR), 2)
            pen.setDashPattern([2.0, 1.5])
            painter.setPen(pen)
            x = rect.center().x()
            painter.drawLine(x, rect.top() - 2, x, rect.bottom() + 2)


__all__ = ["MONTHS", "QUARTERS", "GanttLegend", "GanttView", "bar_tooltip", "keys_help"]
