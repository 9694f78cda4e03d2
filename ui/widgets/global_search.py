"""The search box of the toolbar (Ctrl+F): everything users wrote, in every municipality.

Results appear under the box as one types (after a short pause); Enter or a
click opens the first or the chosen one — its municipality, its page, its tab,
the record selected. Searching ignores case and Polish letters
(:func:`app.services.search.search`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import _

if TYPE_CHECKING:  # the data layer is imported only when there is data to search
    from app.services.search import SearchResult
    from app.storage.store import Store

TYPING_PAUSE_MS = 250
LIMIT = 30
RESULT_ROLE = Qt.ItemDataRole.UserRole


class GlobalSearch(QLineEdit):
    """A line that searches as one types and lists what it found under itself."""

    chosen = Signal(object)  # the SearchResult to open

    def __init__(self, store_of: Callable[[], Store | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.store_of = store_of
        self.setPlaceholderText(_("Szukaj wszędzie (Ctrl+F)"))
        self.setAccessibleName(_("Szukaj we wszystkich danych"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(180)
        self.setMaximumWidth(320)
        self.popup = ResultList(self)
        self.popup.picked.connect(self._open)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._open_first)
        self.installEventFilter(self)

    def run(self) -> list[SearchResult]:
        """Search now for the typed text and show the results (also what tests call)."""
        from app.services import search

        self._timer.stop()
        store = self.store_of()
        text = self.text().strip()
        found = search.search(store, text, limit=LIMIT) if store is not None and text else []
        self.popup.show_results(found, self)
        return found

    def _open_first(self) -> None:
        if self._timer.isActive() or not self.popup.isVisible():
            self.run()
        first = self.popup.first()
        if first is not None:
            self._open(first)

    def _open(self, result: SearchResult) -> None:
        self.popup.hide()
        self.chosen.emit(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() == Qt.Key.Key_Down and self.popup.isVisible():
                self.popup.list.setFocus()
                self.popup.list.setCurrentRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.popup.isVisible():
                self.popup.hide()
                return True
        return super().eventFilter(watched, event)


class ResultList(QFrame):
    picked = Signal(object)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Wyniki wyszukiwania"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        box = QVBoxLayout(self)
        box.setContentsMargins(1, 1, 1, 1)
        box.addWidget(self.list)

    def show_results(self, found: list[SearchResult], field: QWidget) -> None:
        self.list.clear()
        if not found and not field.property("text"):
            self.hide()
            return
        for result in found:
            where = f"{result.municipality_name} · {result.type_label}"
            item = QListWidgetItem(f"{result.title}\n{where}")
            item.setToolTip(result.snippet or result.title)
            item.setData(RESULT_ROLE, result)
            self.list.addItem(item)
        if not found:
            self.list.addItem(_("Nic nie znaleziono."))
        self.resize(max(field.width(), 420), min(360, 12 + 40 * max(1, len(found))))
        self.move(field.mapToGlobal(QPoint(0, field.height())))
        self.show()

    def first(self) -> SearchResult | None:
        item = self.list.item(0)
        return _result(item.data(RESULT_ROLE)) if item is not None else None

    def _activated(self, item: QListWidgetItem) -> None:
        value = _result(item.data(RESULT_ROLE))
        if value is not None:
            self.picked.emit(value)


def _result(value: Any) -> SearchResult | None:
    return value if hasattr(value, "record_id") and hasattr(value, "record_type") else None
