"""One measure as a table: schools × years, a totals row, and a trend (sparkline) column.

The model holds a :class:`app.services.school_data.grid.Grid` (plain data);
editing a cell asks the page to run an undoable command, and the page then
reloads the grid from the core.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.i18n import _
from app.services.school_data.export import year_label
from app.services.school_data.grid import FINANCE, WEIGHTED, Grid
from ui.formatting import show_money, show_number
from ui.models.roles import SERIES_ROLE as SERIES_ROLE
from ui.models.table import RIGHT, Column, TableModel, no_tip

Index = QModelIndex | QPersistentModelIndex

# Called with (school id or None for the JST, year, new value or None).
CellSetter = Callable[[str | None, int, float | None], bool]
TOTALS = "totals"  # the totals row's id


def closed_tip(line: object) -> str:
    return _(
        "Rok szkolny zamknięty — tylko do odczytu. Aby poprawić dane, otwórz go ponownie "
        "(Zamknięte lata szkolne…)."
    )


@dataclass(frozen=True)
class GridLine:
    """A row of the grid: a school (or the JST, for finance), or the totals."""

    school_id: str | None
    label: str
    values: dict[int, float | None]
    totals: bool = False

    @property
    def id(self) -> str:
        return TOTALS if self.totals else self.school_id or ""


class SchoolDataGridModel(TableModel[GridLine]):
    """The grid's columns — a label, one per year, the trend — are built from the grid
    whenever it, the years added by hand or the closed years change."""

    def __init__(self, setter: CellSetter | None = None) -> None:
        super().__init__([])
        self.grid: Grid | None = None
        self.extra_years: list[int] = []
        self.setter = setter
        self.closed_years: set[int] = set()  # school years closed: shown, never edited

    # -- contents ------------------------------------------------------------------------

    def set_grid(self, grid: Grid | None) -> None:
        self.grid = grid
        self._rebuild()

    @property
    def years(self) -> list[int]:
        if self.grid is None:
            return []
        return sorted(set(self.grid.years) | set(self.extra_years))

    def add_year(self, year: int) -> None:
        if year not in self.years:
            self.extra_years.append(year)
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.columns = self._columns() if self.grid is not None else []
        self._rows = self._lines() if self.grid is not None else []
        self.endResetModel()

    def _lines(self) -> list[GridLine]:
        assert self.grid is not None
        lines = [GridLine(row.school_id, row.label, row.values) for row in self.grid.rows]
        if self.grid.measure.table != FINANCE:
            weighted = self.grid.measure.total == WEIGHTED
            label = _("Średnia ważona") if weighted else _("Razem")
            lines.append(GridLine(None, label, self.grid.totals, totals=True))
        return lines

    def _columns(self) -> list[Column[GridLine]]:
        assert self.grid is not None
        finance = self.grid.measure.table == FINANCE
        first = _("JST") if finance else _("Szkoła lub placówka")
        trend = Column[GridLine](_("Trend"), lambda line: None, lambda line: "", RIGHT)
        return [Column(first, lambda line: line.label), *map(self._year, self.years), trend]

    def _year(self, year: int) -> Column[GridLine]:
        assert self.grid is not None
        label = year_label(self.grid, year)
        closed = self.grid.measure.table != FINANCE and year in self.closed_years
        return Column(
            _("{year}\nzamknięty").format(year=label) if closed else label,
            lambda line: self._edit_text(line.values.get(year)),
            display=lambda line: self._text(line.values.get(year)),
            align=RIGHT,
            tooltip=closed_tip if closed else no_tip,
            edit=None if closed or self.setter is None else self._setter_for(year),
        )

    def _setter_for(self, year: int) -> Callable[[GridLine, Any], None]:
        def edit(line: GridLine, value: Any) -> None:
            assert self.setter is not None
            self.setter(line.school_id, year, parse_number(str(value)))

        return edit

    def _text(self, value: float | None) -> str:
        if value is None:
            return ""
        if self.grid is not None and self.grid.measure.money:  # grosze, never in exponent form
            return show_money(round(value * 100))
        return show_number(value)

    def _edit_text(self, value: float | None) -> str:
        if value is not None and self.grid is not None and self.grid.measure.money:
            return QLocale().toString(value, "f", 2)
        return self._text(value)

    def is_closed(self, column: int) -> bool:
        """A column of a closed school year (finance is by budget year: never closed)."""
        return (
            self.grid is not None
            and self.grid.measure.table != FINANCE
            and 0 < column <= len(self.years)
            and self.years[column - 1] in self.closed_years
        )

    # -- Qt's model: the totals row is bold and never edited, every cell has the row's series

    def extra(self, row: GridLine, column: int, role: int) -> Any:
        if role == SERIES_ROLE:
            return [row.values.get(y) for y in self.years]
        if role == Qt.ItemDataRole.FontRole and row.totals:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        line = self.row_at(index.row()) if index.isValid() else None
        if line is not None and line.totals:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return super().flags(index)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        return super().setData(index, value, role)


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
