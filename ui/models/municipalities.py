"""The list of municipalities (for the switcher), one row per JST."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _
from app.textnorm import fold
from ui.models.roles import ID_ROLE as ID_ROLE
from ui.models.roles import SEARCH_ROLE as SEARCH_ROLE

if TYPE_CHECKING:
    from app.enums import MunicipalityKind
    from app.storage.store import Store

Index = QModelIndex | QPersistentModelIndex


class MunicipalityRow(Protocol):
    """What the list shows of a municipality: the model's row, or the first look's entry."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> MunicipalityKind: ...
    @property
    def is_demo(self) -> bool: ...
    @property
    def teryt(self) -> str | None: ...
    @property
    def county(self) -> str | None: ...


class MunicipalityListModel(QAbstractListModel):
    """Municipalities sorted by name; ``SEARCH_ROLE`` holds folded text for filtering."""

    def __init__(self, store: Store | None = None) -> None:
        super().__init__()
        self._store = store
        self._rows: Sequence[MunicipalityRow] = []
        if store is not None:
            self.reload()

    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.reload()

    def show_rows(self, rows: Sequence[MunicipalityRow]) -> None:
        """List ``rows`` without a store (the first look at start-up, until the store opens)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def reload(self) -> None:
        self.beginResetModel()
        if self._store is None:
            self._rows = []
        else:
            from app.services import municipalities

            self._rows = municipalities.all_municipalities(self._store)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # An editable combo box shows EditRole in its line edit.
            return f"{row.name} ({_('demo')})" if row.is_demo else row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{row.kind.label}, TERYT {row.teryt or '—'}"
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return fold(f"{row.name} {row.teryt or ''} {row.county or ''}")
        return None

    def row_of(self, municipality_id: str) -> int:
        for row, municipality in enumerate(self._rows):
            if municipality.id == municipality_id:
                return row
        return -1

    def row_at(self, row: int) -> MunicipalityRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
