"""The municipality switcher: a combo box that filters as you type.

Typing ``lodz`` finds ``Łódź``: the filter folds case and Polish diacritics,
the same way the core's search does.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.i18n import _
from app.textnorm import fold
from ui.models.municipalities import ID_ROLE, SEARCH_ROLE, MunicipalityListModel


class FoldedFilterProxy(QSortFilterProxyModel):
    """Accepts rows whose folded text contains every typed word."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self._words = fold(text).split()
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = str(index.data(SEARCH_ROLE) or "")
        return all(word in haystack for word in self._words)


class MunicipalitySwitcher(QComboBox):
    municipality_chosen = Signal(str)

    def __init__(self, model: MunicipalityListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(_("Wybierz JST; wpisz fragment nazwy lub kodu TERYT, aby zawęzić listę"))
        line = self.lineEdit()
        assert line is not None  # the combo box is editable
        line.setPlaceholderText(_("Szukaj JST…"))
        self.setAccessibleName(_("Wybór JST"))
        self._proxy = FoldedFilterProxy()
        self._proxy.setSourceModel(model)
        completer = QCompleter(self._proxy, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line.textEdited.connect(self._filter)
        completer.activated[QModelIndex].connect(self._completed)  # type: ignore[index]
        self.activated.connect(self._activated)

    def _filter(self, text: str) -> None:
        self._proxy.set_text(text)
        completer = self.completer()
        if completer is not None and text:
            completer.complete()

    def _completed(self, proxy_index: QModelIndex) -> None:
        source = self._proxy.mapToSource(proxy_index)
        if source.isValid():
            self.setCurrentIndex(source.row())
            self._activated(source.row())

    def _activated(self, row: int) -> None:
        municipality_id = self._model.index(row, 0).data(ID_ROLE)
        if municipality_id:
            self.municipality_chosen.emit(str(municipality_id))

    def select(self, municipality_id: str) -> None:
        row = self._model.row_of(municipality_id)
        if row >= 0:
            self.setCurrentIndex(row)
            self.setEditText(self.itemText(row))

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        # Typing without choosing leaves the current municipality's name in place.
        self.setEditText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
