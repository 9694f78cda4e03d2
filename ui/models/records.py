"""A table of records of one type (team, schools, indicators, …), one column per field.

Like vorta's models: the columns are constants given by the page, rows come
from the core's services, and the model is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from app.model import Record
from ui.formatting import show, show_money
from ui.models import table

Index = QModelIndex | QPersistentModelIndex
BATCH = 200


@dataclass(frozen=True)
class Column:
    """A column that shows one field of the record (a page's short form of a table column)."""

    field: str
    header: str
    render: Callable[[Any], str] | None = None

    def spec(self) -> table.Column[Record]:
        """The column of the one table model."""
        field, render = self.field, self.render

        def value(record: Record) -> Any:
            return getattr(record, field, None)

        def display(record: Record) -> str:
            if render is not None:
                return render(value(record))
            return show_money(value(record)) if field.endswith("_cents") else show(value(record))

        def sort(record: Record) -> Any:
            found = value(record)
            return found if isinstance(found, int | float) else show(found).casefold()

        return table.Column(self.header, value, display=display, sort=sort)


class RecordTableModel(table.TableModel[Record]):
    """Rows from ``loader()``; shown in batches so long lists appear at once."""

    def __init__(self, columns: Sequence[Column], loader: Callable[[], Sequence[Record]]) -> None:
        super().__init__([column.spec() for column in columns])
        self.fields = list(columns)
        self._loader = loader
        self._shown = 0

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self._loader())
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._shown = 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        more = min(BATCH, len(self._rows) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def row_of(self, record_id: str) -> int:
        """The record's row, fetching batches until it is shown; -1 if it is not listed."""
        row = super().row_of(record_id)
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()
        return row
