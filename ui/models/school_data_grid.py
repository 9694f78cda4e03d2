"""One measure as a table: schools × years, a totals row, and a trend (sparkline) column.

The model holds a :class:`app.services.school_data.grid.Grid` (plain data);
editing a cell asks the page to run an undoable command, and the page then
reloads the grid from the core.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.i18n import _
from app.services.school_data.export import year_label
from app.services.school_data.grid import FINANCE, WEIGHTED, Grid
from ui.formatting import show_money, show_number
from ui.models.roles import SERIES_ROLE as SERIES_ROLE

Index = QModelIndex | QPersistentModelIndex

# Called with (school id or None for the JST, year, new value or None).
CellSetter = Callable[[str | None, int, float | None], bool]


class SchoolDataGridModel(QAbstractTableModel):
    def __init__(self, setter: CellSetter | None = None) -> None:
        super().__init__()
        self.grid: Grid | None = None
        self.extra_years: list[int] = []
        self.setter = setter
        self.closed_years: set[int] = set()  # school years closed: shown, never edited

    # -- contents ------------------------------------------------------------------------

    def set_grid(self, grid: Grid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    @property
    def years(self) -> list[int]:
        if self.grid is None:
            return []
        return sorted(set(self.grid.years) | set(self.extra_years))

    def add_year(self, year: int) -> None:
        if year not in self.years:
            self.beginResetModel()
            self.extra_years.append(year)
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.rows) + (0 if self.grid.measure.table == FINANCE else 1)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.years) + 2

    def is_totals(self, row: int) -> bool:
        return self.grid is not None and row == len(self.grid.rows)

    def values_of(self, row: int) -> dict[int, float | None]:
        assert self.grid is not None
        if self.is_totals(row):
            return self.grid.totals
        return self.grid.rows[row].values

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if self.grid is None:
            return None
        if section == 0:
            return _("JST") if self.grid.measure.table == FINANCE else _("Szkoła lub placówka")
        if section == len(self.years) + 1:
            return _("Trend")
        label = year_label(self.grid, self.years[section - 1])
        return _("{year}\nzamknięty").format(year=label) if self.is_closed(section) else label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        values = self.values_of(row)
        if role == SERIES_ROLE:
            return [values.get(y) for y in self.years]
        if role == Qt.ItemDataRole.FontRole and self.is_totals(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.is_closed(column):
            return _(
                "Rok szkolny zamknięty — tylko do odczytu. Aby poprawić dane, otwórz go ponownie "
                "(Zamknięte lata szkolne…)."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == 0:
            if self.is_totals(row):
                return _("Średnia ważona") if self.grid.measure.total == WEIGHTED else _("Razem")
            return self.grid.rows[row].label
        if column == len(self.years) + 1:
            return None
        value = values.get(self.years[column - 1])
        if value is None:
            return ""
        if self.grid.measure.money:  # grosze, never in exponent form
            if role == Qt.ItemDataRole.EditRole:
                return QLocale().toString(value, "f", 2)
            return show_money(round(value * 100))
        return show_number(value)

    def is_closed(self, column: int) -> bool:
        """A column of a closed school year (finance is by budget year: never closed)."""
        return (
            self.grid is not None
            and self.grid.measure.table != FINANCE
            and 0 < column <= len(self.years)
            and self.years[column - 1] in self.closed_years
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            index.isValid()
            and 0 < index.column() <= len(self.years)
            and not self.is_totals(index.row())
            and not self.is_closed(index.column())
            and self.setter is not None
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.grid is None or self.setter is None:
            return False
        if not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        school_id = self.grid.rows[index.row()].school_id
        return self.setter(school_id, self.years[index.column() - 1], parse_number(str(value)))


def parse_number(text: str) -> float | None:
    """A typed number (decimal comma, spaces between thousands); None when empty.

    Text that is no number becomes NaN, which the core refuses with its own
    message naming the field.
    """
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return math.nan
