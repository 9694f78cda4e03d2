"""A table of records of one type (team, schools, indicators, …), one column per field.

Like vorta's models: the columns are constants given by the page, rows come
from the core's services, and the model is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import Record
from ui.formatting import show, show_money
from ui.models.roles import ID_ROLE as ID_ROLE
from ui.models.roles import SORT_ROLE as SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
BATCH = 200


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    render: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows from ``loader()``; shown in batches so long lists appear at once."""

    def __init__(self, columns: Sequence[Column], loader: Callable[[], Sequence[Record]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._loader = loader
        self._all: list[Record] = []
        self._shown = 0

    def reload(self) -> None:
        self.beginResetModel()
        self._all = list(self._loader())
        self._shown = min(BATCH, len(self._all))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._all = []
        self._shown = 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        more = min(BATCH, len(self._all) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        record = self._all[index.row()]
        column = self.columns[index.column()]
        value = getattr(record, column.field, None)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column.render is not None:
                return column.render(value)
            if column.field.endswith("_cents"):
                return show_money(value)
            text = show(value)
            return (
                text if role == Qt.ItemDataRole.DisplayRole else (text if len(text) > 40 else None)
            )
        if role == ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return value if isinstance(value, int | float) else show(value).casefold()
        return None

    def record_at(self, row: int) -> Record | None:
        return self._all[row] if 0 <= row < len(self._all) else None

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._all):
            if record.id == record_id:
                while row >= self._shown and self.canFetchMore():
                    self.fetchMore()
                return row
        return -1
