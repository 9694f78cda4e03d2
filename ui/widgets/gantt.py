"""The HDR timeline (Gantt): months across, items grouped by priority, bars by status.

Drawn with QPainter (QtCharts is not shipped). The left column with the names
stays put while the months scroll. Geometry lives in :mod:`ui.widgets.gantt_area`,
painting in :mod:`ui.widgets.gantt_paint`; this module is the interaction.

Dragging a bar's end changes its start or end month (snapped to months; the end
can never pass the start); dragging its middle moves the whole bar. Nothing is
written here: a finished drag or key press emits :attr:`GanttView.dates_changed`
once, and the page turns it into one undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QButtonGroup, QToolButton, QToolTip, QWidget

from app.i18n import _
from app.months import month_at, month_index
from ui.formatting import show_month
from ui.models.schedule import WARNING_MARK, TimelineRow
from ui.widgets.gantt_area import (
    EDGE_GRAB,
    LABEL_WIDTH,
    MONTH_WIDTH,
    MONTHS,
    QUARTERS,
    TODAY_COLOUR,
    TimelineArea,
    _Drag,
)
from ui.widgets.gantt_paint import GanttLegend, TimelinePainter


def keys_help() -> str:
    return _(
        "Przeciągnij koniec paska, aby zmienić miesiąc rozpoczęcia lub zakończenia; "
        "przeciągnij środek, aby przesunąć całą pozycję.\n"
        "Klawiatura: ↑/↓ wybór pozycji, Ctrl+←/→ miesiąc zakończenia, "
        "Ctrl+Shift+←/→ miesiąc rozpoczęcia, Alt+←/→ cała pozycja, ←/→ przewijanie, "
        "Home dzisiaj, Enter formularz, Delete usunięcie. Każdą zmianę cofa Ctrl+Z."
    )


class GanttView(TimelineArea):
    """The timeline of one HDR, with the mouse and keys that edit its months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Oś czasu HDR"))
        self.setAccessibleDescription(keys_help())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            TimelinePainter(self, painter).draw()
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
        if part in ("start", "end", "move") and self.editable:
            row = self.rows[self._row_of(record_id)]
            assert row.start is not None and row.end is not None
            start, end = month_index(row.start), month_index(row.end)
            self._drag = _Drag(record_id, part, pos.x(), start, end, start, end)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        drag = self._drag
        if drag is None:
            _record_id, part = self._hit(pos) if self.editable else ("", "")
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
            return self.accessibleDescription()
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
        elif key == Qt.Key.Key_Delete and self.selected_id and self.editable:
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
        if row < 0 or self.rows[row].kind != "item" or not self.editable:
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


class ZoomButtons(QButtonGroup):
    """ "Miesiące" and "Kwartały": the timeline's scale, the current one pressed."""

    def __init__(self, parent: QWidget, chosen: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.months = QToolButton()
        self.months.setText(_("Miesiące"))
        self.quarters = QToolButton()
        self.quarters.setText(_("Kwartały"))
        for button, zoom in ((self.months, MONTHS), (self.quarters, QUARTERS)):
            button.setCheckable(True)
            button.setToolTip(_("Skala osi czasu"))
            button.clicked.connect(lambda _checked=False, zoom=zoom: chosen(zoom))
            self.addButton(button)
        self.months.setChecked(True)

    def show_zoom(self, zoom: str) -> None:
        (self.months if zoom == MONTHS else self.quarters).setChecked(True)


def bar_tooltip(row: TimelineRow) -> str:
    lines = [row.label]
    if row.term:
        lines.append(row.term)
    elif row.start is not None and row.end is not None:
        lines.append(f"{show_month(row.start)} – {show_month(row.end)}")
    lines.append(_("Status: {status}").format(status=row.status.label))
    if row.overdue:
        lines.append(WARNING_MARK + " " + _("Po terminie"))
    if row.warning:
        lines.append(WARNING_MARK + " " + row.warning)
    return "\n".join(lines)


__all__ = [
    "LABEL_WIDTH",
    "MONTHS",
    "MONTH_WIDTH",
    "QUARTERS",
    "TODAY_COLOUR",
    "GanttLegend",
    "GanttView",
    "ZoomButtons",
    "bar_tooltip",
    "keys_help",
]
