"""A table delegate that fills and reads its cell editors by their kind.

A subclass only says which editor a cell gets (``createEditor``); the value
goes in and comes out the same way for every table: a date (kept open while
its text cannot be read), a choice, a typed-or-chosen text, a number, a line.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QStyledItemDelegate, QWidget

from ui.forms.editors import ChoiceEditor
from ui.widgets.date_edit import DateEdit, holds_unreadable, set_date_cell

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """``setEditorData``, ``setModelData`` and the date cell's key filter, for every editor kind."""

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEdit | ChoiceEditor):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            editor.setEditText("" if value is None else str(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return holds_unreadable(watched, event) or super().eventFilter(watched, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateEdit):
            set_date_cell(editor, model, index)
        elif isinstance(editor, ChoiceEditor):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
