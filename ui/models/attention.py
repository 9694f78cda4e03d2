"""Indicators that need attention (off track, at risk, stale), or all of them, one row each.

Rows are :class:`app.services.attention.IndicatorCheck` values: the status and
the stale flag are computed by the core on the model's ``today``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import _
from app.services.attention import IndicatorCheck
from ui.formatting import show_date
from ui.models.indicators import (
    STALE_COLOUR,
    STALE_MARK,
    progress_text,
    stale_text,
    status_colours,
    with_unit,
)
from ui.models.records import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

NAME, STATUS, LATEST, TARGET, STALE, ATTACHED_TO = range(6)
COLUMN_COUNT = 6
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def headers() -> list[str]:
    return [
        _("Wskaźnik"),
        _("Stan"),
        _("Ostatni pomiar"),
        _("Wartość docelowa"),
        _("Aktualność"),
        _("Przypisany do"),
    ]


def latest_text(check: IndicatorCheck) -> str:
    latest = check.state.latest
    if latest is None:
        return ""
    value = with_unit(latest.value, check.indicator.unit)
    return _("{value} ({date})").format(value=value, date=show_date(latest.measured_on))


class AttentionTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[IndicatorCheck] = []

    def set_checks(self, checks: Sequence[IndicatorCheck]) -> None:
        self.beginResetModel()
        self._rows = list(checks)
        self.endResetModel()

    def check_at(self, row: int) -> IndicatorCheck | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, indicator_id: str) -> IndicatorCheck | None:
        return self.check_at(self.row_of(indicator_id))

    def row_of(self, indicator_id: str) -> int:
        for row, check in enumerate(self._rows):
            if check.indicator.id == indicator_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        check = self.check_at(index.row()) if index.isValid() else None
        if check is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(check, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(check, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._colour(check, column, role == Qt.ItemDataRole.BackgroundRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LATEST, TARGET):
            return _RIGHT
        if role == ID_ROLE:
            return check.indicator.id
        if role == SORT_ROLE:
            return self._sort_key(check, column)
        return None

    def _display(self, check: IndicatorCheck, column: int) -> str:
        indicator, state = check.indicator, check.state
        if column == NAME:
            return indicator.name
        if column == ATTACHED_TO:
            return check.attached_to
        if column == STATUS:
            return state.status.label
        if column == LATEST:
            return latest_text(check)
        if column == TARGET:
            return with_unit(indicator.target_value, indicator.unit)
        if column == STALE:
            return f"{STALE_MARK} {_('nieaktualny')}" if state.stale else _("aktualny")
        return ""

    def _tooltip(self, check: IndicatorCheck, column: int) -> str | None:
        if column == NAME:
            return check.indicator.name
        if column == ATTACHED_TO:
            return check.attached_to or None
        if column == STATUS:
            return f"{check.state.status.label}: {progress_text(check.state)}"
        if column == TARGET and check.indicator.target_date is not None:
            return _("Do osiągnięcia do {date}").format(date=show_date(check.indicator.target_date))
        if column == STALE and check.state.stale:
            return stale_text(check.indicator, check.state)
        return None

    def _colour(self, check: IndicatorCheck, column: int, background: bool) -> QColor | None:
        if column == STATUS:
            colours = status_colours(check.state.status)
            return colours[0] if background else colours[1]
        if column == STALE and check.state.stale and not background:
            return QColor(STALE_COLOUR)
        return None

    def _sort_key(self, check: IndicatorCheck, column: int) -> Any:
        if column == STATUS:
            return check.severity[0]
        if column == STALE:
            return 0 if check.state.stale else 1
        if column == LATEST:
            latest = check.state.latest
            return latest.measured_on.isoformat() if latest is not None else ""
        return self._display(check, column).casefold()
