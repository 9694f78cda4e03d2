"""The measurements of one indicator, editable in place.

The model never writes to the database: a valid edit goes to ``on_edit``
(the panel turns it into an undoable command); an invalid one goes to
``on_error`` with the core's message, and the old value stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import Measurement
from app.services import date_text, validation
from app.services.fields import FIELDS
from ui.formatting import show_date, show_number
from ui.models.roles import ID_ROLE
from ui.widgets.date_edit import DateEdit, date_cell_editor, holds_unreadable, set_date_cell

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[str, str, Any, Any], None]  # (measurement id, field, old, new)
ErrorHandler = Callable[[UserError], None]

# Columns, and the field each one edits.
DATE, VALUE, SOURCE, COMMENT = range(4)
FIELD_NAMES = ("measured_on", "value", "source", "comment")
VALUE_LIMIT = 1e12
MAX_DECIMALS = 6


@dataclass(frozen=True)
class MeasurementRow:
    id: str
    measured_on: date
    value: float
    source: str | None
    comment: str | None

    @classmethod
    def of(cls, measurement: Measurement) -> MeasurementRow:
        return cls(
            measurement.id,
            measurement.measured_on,
            measurement.value,
            measurement.source,
            measurement.comment,
        )


def headers() -> list[str]:
    return [_(FIELDS[Measurement][name].label) for name in FIELD_NAMES]


class MeasurementTableModel(QAbstractTableModel):
    """Rows oldest first; ``setData`` validates and hands the change to ``on_edit``."""

    def __init__(
        self, on_edit: EditHandler | None = None, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__()
        self.on_edit = on_edit
        self.on_error = on_error
        self._rows: list[MeasurementRow] = []

    def set_measurements(self, measurements: Sequence[Measurement]) -> None:
        rows = [MeasurementRow.of(m) for m in measurements]
        if rows and [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(FIELD_NAMES) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_measurements([])

    def row_at(self, row: int) -> MeasurementRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, measurement_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == measurement_id), -1)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIELD_NAMES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < len(FIELD_NAMES) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        value = getattr(row, FIELD_NAMES[index.column()])
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (SOURCE, COMMENT):
            return value or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole:
            return False
        field = FIELD_NAMES[index.column()]
        old = getattr(row, field)
        try:
            new = clean(field, value)
            if new == old:
                return True
            if self.on_edit is None:
                return False
            self.on_edit(row.id, field, old, new)
        except UserError as error:
            if self.on_error is not None:
                self.on_error(error)
            return False
        self._rows[index.row()] = replace(row, **{field: new})
        self.dataChanged.emit(index, index)
        return True


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return show_date(value)
    if isinstance(value, float | int):
        return show_number(value)
    return " ".join(str(value).split())  # one line in a table cell


def clean(field: str, value: Any) -> Any:
    """The value for ``field`` as the core stores it, or the core's UserError."""
    if isinstance(value, QDate):
        value = date(value.year(), value.month(), value.day()) if value.isValid() else None
    elif isinstance(value, str) and field == "value":
        value = _parse_number(value)
    elif isinstance(value, str) and field == "measured_on":
        value = _parse_date(value)
    return validation.clean_value(field, FIELDS[Measurement][field], value)


def _parse_number(text: str) -> float | str:
    stripped = text.strip().replace("\u00a0", "").replace(" ", "")
    number, ok = QLocale().toDouble(stripped)
    if ok:
        return number
    try:
        return float(stripped.replace(",", "."))
    except ValueError:
        return text  # the core explains what is wrong with it


def _parse_date(text: str) -> date | None:
    spec = FIELDS[Measurement]["measured_on"]
    return date_text.parse(text, label=_(spec.label))


def decimals_for(value: float | None) -> int:
    """Enough decimals to show ``value`` unchanged (at least 2, at most 6)."""
    if value is None:
        return 2
    for places in range(2, MAX_DECIMALS + 1):
        if abs(round(value, places) - value) < 1e-9:
            return places
    return MAX_DECIMALS


class MeasurementDelegate(QStyledItemDelegate):
    """A calendar date editor for dates and a number box for values; text otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == DATE:
            return date_cell_editor(parent)
        if column == VALUE:
            spin = QDoubleSpinBox(parent)
            spin.setFrame(False)
            spin.setRange(-VALUE_LIMIT, VALUE_LIMIT)
            spin.setDecimals(decimals_for(index.data(Qt.ItemDataRole.EditRole)))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        line = QLineEdit(parent)
        line.setFrame(False)
        line.setMaxLength(FIELDS[Measurement][FIELD_NAMES[column]].max_length)
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEdit):
            editor.set_value(value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return holds_unreadable(watched, event) or super().eventFilter(watched, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateEdit):
            set_date_cell(editor, model, index)
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
