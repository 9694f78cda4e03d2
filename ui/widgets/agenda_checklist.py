"""The agenda of a visit as a checklist: one point per line, ticked when dealt with.

The widget only shows points and reports what the person did: ``toggled(line,
done)`` when a point is ticked or unticked, ``point_added(text)`` when a new
point is typed, ``activated(text)`` when a point is double-clicked or Enter is
pressed on it (the visit mode starts a section of the notes with it).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import _
from app.services.visits import AgendaPoint
from ui.models.roles import LINE_ROLE as LINE_ROLE


class AgendaChecklist(QWidget):
    toggled = Signal(int, bool)  # agenda line, done
    point_added = Signal(str)
    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Program wizyty"))
        self.list.setToolTip(
            _(
                "Spacja zaznacza punkt jako omówiony; Enter lub dwuklik wstawia go "
                "jako nagłówek do notatek"
            )
        )
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemChanged.connect(self._changed)
        self.list.itemActivated.connect(lambda item: self.activated.emit(item.text()))
        self.new_point = QLineEdit()
        self.new_point.setPlaceholderText(_("Nowy punkt programu — Enter dodaje"))
        self.new_point.setAccessibleName(_("Nowy punkt programu"))
        self.new_point.returnPressed.connect(self._add)
        self._loading = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list, 1)
        box.addWidget(self.new_point)

    def set_points(self, points: Sequence[AgendaPoint]) -> None:
        """Show ``points``, keeping the current row where it was."""
        current = self.list.currentRow()
        self._loading = True
        try:
            self.list.clear()
            for point in points:
                item = QListWidgetItem(point.text, self.list)
                item.setData(LINE_ROLE, point.line)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if point.done else Qt.CheckState.Unchecked)
                if point.done:  # struck through as well as ticked: readable without colour
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(self.palette().placeholderText())
        finally:
            self._loading = False
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)

    def done_count(self) -> tuple[int, int]:
        """(points ticked, points in all)."""
        ticked = sum(
            self.list.item(r).checkState() == Qt.CheckState.Checked
            for r in range(self.list.count())
        )
        return ticked, self.list.count()

    def _changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        line = int(item.data(LINE_ROLE))
        done = item.checkState() == Qt.CheckState.Checked
        # After the list's own signal is over: saving shows the agenda again (a new list).
        QTimer.singleShot(0, lambda: self.toggled.emit(line, done))

    def _add(self) -> None:
        text = self.new_point.text().strip()
        if text:
            self.point_added.emit(text)
            self.new_point.clear()
