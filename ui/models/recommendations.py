"""The recommendations of one visit, editable in place (text, owner, due date, status, link).

The model never writes to the database: a valid edit goes to ``on_edit``
(the page turns it into an undoable command through the visits service); an
invalid one goes to ``on_error`` with the core's message and the old value
stays. Overdue recommendations (:func:`app.services.visits.is_overdue`) show
their due date with a warning sign and in red, so they stand out in greyscale
too; finished ones are greyed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.errors import UserError
from app.i18n import _
from app.model import Recommendation, RecommendationStatus
from app.services import links, validation, visits
from app.services.fields import FIELDS
from ui.formatting import show_date
from ui.models.roles import ID_ROLE, SORT_ROLE
from ui.models.roles import KEY_ROLE as KEY_ROLE

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[str, dict[str, Any], dict[str, Any]], None]  # (id, old, new)
ErrorHandler = Callable[[UserError], None]

TEXT, OWNER, DUE, STATUS, NOTE, LINK = range(6)
FIELD_NAMES = ("text", "owner", "due_date", "status", "status_note", "link")
OVERDUE_MARK = "⚠"
OVERDUE_COLOUR = "#a61b1b"
FINISHED_COLOUR = "#6b6b6b"


def headers() -> list[str]:
    return [
        _("Zalecenie"),
        _("Odpowiedzialny"),
        _("Termin"),
        _("Status"),
        _("Komentarz do statusu"),
        _("Dotyczy"),
    ]


def due_text(recommendation: Recommendation, today: date) -> str:
    """``⚠ 31.03.2026`` for an overdue one; the plain date otherwise."""
    text = show_date(recommendation.due_date)
    return f"{OVERDUE_MARK} {text}" if visits.is_overdue(recommendation, today) else text


class RecommendationTableModel(QAbstractTableModel):
    def __init__(
        self, on_edit: EditHandler | None = None, on_error: ErrorHandler | None = None
    ) -> None:
        super().__init__()
        self.on_edit = on_edit
        self.on_error = on_error
        self.today = date.today()
        self.link_labels: dict[str, str] = {}  # link key → label
        self._rows: list[Recommendation] = []

    # -- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Recommendation]) -> None:
        rows = list(rows)
        if rows and [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows  # the same rows, new values: no reset, the selection stays
            last = self.index(len(rows) - 1, len(FIELD_NAMES) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_link_targets(self, targets: Sequence[links.LinkTarget]) -> None:
        self.link_labels = {t.key: t.label for t in targets}

    def row_at(self, row: int) -> Recommendation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, recommendation_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == recommendation_id), -1)

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
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.on_edit is not None else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.EditRole or role == KEY_ROLE:
            return self._raw(row, column)
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            raw = self._raw(row, column)
            return raw.isoformat() if isinstance(raw, date) else str(raw or "").casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column)
        if role == Qt.ItemDataRole.FontRole and column == DUE and self._overdue(row):
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _display(self, row: Recommendation, column: int) -> str:
        if column == TEXT:
            return " ".join(row.text.split())
        if column == DUE:
            return due_text(row, self.today)
        if column == STATUS:
            return RecommendationStatus(row.status or "open").label
        if column == LINK:
            return self._link(row)
        value = getattr(row, FIELD_NAMES[column])
        return "" if value is None else str(value)

    def _link(self, row: Recommendation) -> str:
        key = f"{row.link_type}:{row.link_id}" if row.link_type and row.link_id else ""
        if not key:
            return ""
        return self.link_labels.get(key) or _("(element usunięty)")

    def _tooltip(self, row: Recommendation, column: int) -> str | None:
        if column == DUE and self._overdue(row):
            return _("Termin minął {date}, a zalecenie nie jest wykonane.").format(
                date=show_date(row.due_date)
            )
        text = self._display(row, column)
        return text if len(text) > 40 else None

    def _raw(self, row: Recommendation, column: int) -> Any:
        if column == LINK:
            return f"{row.link_type}:{row.link_id}" if row.link_type and row.link_id else ""
        if column == STATUS:
            return getattr(row.status, "value", row.status) or "open"
        return getattr(row, FIELD_NAMES[column])

    def _overdue(self, row: Recommendation) -> bool:
        return visits.is_overdue(row, self.today)

    def _colour(self, row: Recommendation, column: int) -> QColor | None:
        if not visits.is_open(row.status):
            return QColor(FINISHED_COLOUR)
        if column == DUE and self._overdue(row):
            return QColor(OVERDUE_COLOUR)
        return None

    # -- editing --------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        try:
            old, new = self._change(row, index.column(), value)
            if old == new:
                return False
            self.on_edit(row.id, old, new)
        except UserError as error:
            if self.on_error is not None:
                self.on_error(error)
            return False
        return True

    def _change(
        self, row: Recommendation, column: int, value: Any
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The fields that change (old and new values), checked by the core's rules."""
        if column == LINK:
            link = links.parse_key(value if isinstance(value, str) else None)
            new = {"link_type": link[0] if link else None, "link_id": link[1] if link else None}
            return {"link_type": row.link_type, "link_id": row.link_id}, new
        name = FIELD_NAMES[column]
        cleaned = validation.clean_value(name, FIELDS[Recommendation][name], value)
        old = self._raw(row, column)
        return {name: old}, {name: getattr(cleaned, "value", cleaned)}
