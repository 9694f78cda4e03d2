"""The advisory visits of a municipality, one row each, with their recommendations counted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.model import AdvisoryVisit
from app.services.visits import RecommendationCounts
from ui.formatting import show_date
from ui.models.recommendations import OVERDUE_COLOUR, OVERDUE_MARK
from ui.models.records import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

NUMBER, DATE, PLACE, ADVISOR, RECOMMENDATIONS = range(5)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def headers() -> list[str]:
    return [_("Nr"), _("Data"), _("Miejsce"), _("Doradca"), _("Zalecenia")]


def counts_text(counts: RecommendationCounts) -> str:
    """``wszystkie: 4 · otwarte: 2 · ⚠ po terminie: 1`` — or ``brak`` for a visit without any."""
    if counts.total == 0:
        return _("brak")
    parts = [_("wszystkie: {count}").format(count=counts.total)]
    if counts.open:
        parts.append(_("otwarte: {count}").format(count=counts.open))
    if counts.overdue:
        parts.append(
            _("{mark} po terminie: {count}").format(mark=OVERDUE_MARK, count=counts.overdue)
        )
    return " · ".join(parts)


class VisitTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AdvisoryVisit] = []
        self._counts: Mapping[str, RecommendationCounts] = {}

    def set_rows(
        self, rows: Sequence[AdvisoryVisit], counts: Mapping[str, RecommendationCounts]
    ) -> None:
        rows = list(rows)
        self._counts = counts
        if rows and [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, RECOMMENDATIONS))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def visit_at(self, row: int) -> AdvisoryVisit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: str) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == visit_id), -1)

    def counts_of(self, visit_id: str) -> RecommendationCounts:
        return self._counts.get(visit_id, RecommendationCounts())

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else RECOMMENDATIONS + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section <= RECOMMENDATIONS else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self.visit_at(index.row()) if index.isValid() else None
        if visit is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(visit, column)
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 30 else None
        if role == ID_ROLE:
            return visit.id
        if role == SORT_ROLE:
            return self._sort_key(visit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == RECOMMENDATIONS:
            return QColor(OVERDUE_COLOUR) if self.counts_of(visit.id).overdue else None
        return None

    def _text(self, visit: AdvisoryVisit, column: int) -> str:
        if column == NUMBER:
            return str(visit.number) if visit.number is not None else ""
        if column == DATE:
            return show_date(visit.visit_date)
        if column == PLACE:
            return visit.place or ""
        if column == ADVISOR:
            return visit.advisor or ""
        return counts_text(self.counts_of(visit.id))

    def _sort_key(self, visit: AdvisoryVisit, column: int) -> Any:
        if column == NUMBER:
            return visit.number or 0
        if column == DATE:
            return visit.visit_date.isoformat() if isinstance(visit.visit_date, date) else ""
        if column == RECOMMENDATIONS:
            counts = self.counts_of(visit.id)
            return counts.overdue * 1000 + counts.open
        return self._text(visit, column).casefold()
