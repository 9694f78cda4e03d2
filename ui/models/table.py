"""The one table model: rows of any kind, columns described by :class:`Column` specs.

A column says what it shows — its ``header``, the row's ``value``, how the
value is displayed, aligned and sorted, and, when it is editable, the
``edit`` that saves a new value (an undoable command, usually) — and the
model does the rest: display, tooltip, id, sort and edit roles, flags, keeping
rows or resetting. Rows are reached by one name, :meth:`TableModel.row_at`,
and found by id with :meth:`TableModel.row_of`. Roles come from
:mod:`ui.models.roles`. A model with more to say (a colour, a font) overrides
:meth:`TableModel.extra`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.errors import UserError
from ui.formatting import show
from ui.models.roles import ID_ROLE, KEY_ROLE, SORT_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
TOOLTIP_FROM = 40  # a cell's text gets a tooltip when longer than this


def no_tip(row: object) -> None:
    """A column's ``tooltip`` when its cells need none, however long."""
    return None


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a :class:`TableModel` over rows of type ``R``."""

    header: str
    value: Callable[[R], Any]
    display: Callable[[R], str] | None = None  # the text; by default ``show(value)``
    align: int | None = None  # a Qt alignment (``RIGHT`` for numbers)
    sort: Callable[[R], Any] | None = None  # by default numbers as numbers, text folded
    tooltip: Callable[[R], str | None] | None = None  # by default long texts in full
    header_tooltip: str | None = None
    edit: Callable[[R, Any], None] | None = None  # saves a new value; raises UserError

    def text(self, row: R) -> str:
        return self.display(row) if self.display is not None else show(self.value(row))

    def sort_key(self, row: R) -> Any:
        if self.sort is not None:
            return self.sort(row)
        value = self.value(row)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return self.text(row).casefold()

    def tip(self, row: R) -> str | None:
        if self.tooltip is not None:
            return self.tooltip(row)
        text = self.text(row)
        return text if len(text) > TOOLTIP_FROM else None


class TableModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R`` shown through ``columns``; ``row_id(row)`` is the record's id."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        row_id: Callable[[R], str] = lambda row: str(getattr(row, "id", "")),
        on_error: Callable[[UserError], None] | None = None,
    ) -> None:
        super().__init__()
        self.columns: list[Column[R]] = list(columns)
        self._row_id = row_id
        self.on_error = on_error
        self._rows: list[R] = []

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows``; the same records in the same order are updated in place
        (selection, scroll and an open editor stay), anything else resets."""
        rows = list(rows)
        same = bool(rows) and [self._row_id(r) for r in rows] == [
            self._row_id(r) for r in self._rows
        ]
        if same:
            self._rows = rows
            last = self.index(len(rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if self._row_id(r) == record_id), -1)

    def find(self, record_id: str) -> R | None:
        return self.row_at(self.row_of(record_id))

    # -- Qt's model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tooltip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(row)
        if role == ID_ROLE:
            return self._row_id(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role in (Qt.ItemDataRole.EditRole, KEY_ROLE):
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return column.align
        return self.extra(row, index.column(), role)

    def extra(self, row: R, column: int, role: int) -> Any:
        """What a model adds for other roles (colours, fonts, its own roles)."""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        edit = self.columns[index.column()].edit if row is not None else None
        if row is None or edit is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            edit(row, value)
        except UserError as error:
            if self.on_error is None:
                raise
            self.on_error(error)
            return False
        self.dataChanged.emit(index, index)
        return True
