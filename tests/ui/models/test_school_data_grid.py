"""The school-data grid over the demo's data, without a window: columns built per measure."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QLocale, Qt

from app.demo import demo_municipality_id
from app.services.school_data import grid as grids
from app.services.school_data import snapshot as snapshots
from app.storage.store import Store
from ui.formatting import show_money, show_number
from ui.models.roles import SERIES_ROLE
from ui.models.school_data_grid import SchoolDataGridModel, parse_number
from ui.models.table import RIGHT

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
E8 = "exam:e8:matematyka"
SUBVENTION = "finance:subvention_cents"


def _grid(store: Store, code: str) -> grids.Grid:
    return grids.grid(snapshots.load(store, demo_municipality_id()), code)


def _header(model: SchoolDataGridModel, column: int) -> str:
    return str(model.headerData(column, Qt.Orientation.Horizontal))


def test_an_exam_grid_has_a_column_per_year_a_trend_and_a_weighted_mean(
    demo_store: Store,
) -> None:
    grid = _grid(demo_store, E8)
    set_cells: list[tuple[str | None, int, float | None]] = []
    model = SchoolDataGridModel(lambda *cell: set_cells.append(cell) or True)
    model.set_grid(grid)

    assert model.columnCount() == len(grid.years) + 2 == 7
    assert _header(model, 0) == "Szkoła lub placówka" and _header(model, 6) == "Trend"
    assert model.rowCount() == len(grid.rows) + 1
    first = grid.rows[0]
    assert model.index(0, 0).data(DISPLAY) == first.label
    assert model.index(0, 1).data(DISPLAY) == show_number(first.values[2021])
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(0, 6).data(SERIES_ROLE) == [first.values[y] for y in grid.years]
    last = model.rowCount() - 1
    assert model.index(last, 0).data(DISPLAY) == "Średnia ważona"
    assert model.index(last, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None

    assert model.setData(model.index(0, 2), "47,5")
    assert set_cells == [(first.school_id, 2022, 47.5)]
    assert not model.index(last, 2).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(last, 2), "1")  # the mean is computed, never typed
    assert not model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert len(set_cells) == 1


def test_a_closed_year_is_read_only_and_says_so(demo_store: Store) -> None:
    model = SchoolDataGridModel(lambda *cell: True)
    model.closed_years = {2022}
    model.set_grid(_grid(demo_store, E8))
    assert _header(model, 2).endswith("\nzamknięty")
    assert not model.index(0, 2).flags() & Qt.ItemFlag.ItemIsEditable
    assert "zamknięty" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 3).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) is None


def test_finance_is_the_jsts_money_by_budget_year_without_a_totals_row(
    demo_store: Store,
) -> None:
    grid = _grid(demo_store, SUBVENTION)
    model = SchoolDataGridModel(lambda *cell: True)
    model.closed_years = {2022}  # budget years are never closed
    model.set_grid(grid)
    assert model.rowCount() == 1 and _header(model, 0) == "JST" and _header(model, 2) == "2022"
    value = grid.rows[0].values[2021]
    assert value is not None
    assert model.index(0, 1).data(DISPLAY) == show_money(round(value * 100))
    assert model.index(0, 1).data(EDIT) == QLocale().toString(value, "f", 2)
    assert model.index(0, 2).flags() & Qt.ItemFlag.ItemIsEditable


def test_a_year_added_by_hand_is_a_new_empty_column(demo_store: Store) -> None:
    model = SchoolDataGridModel()
    model.set_grid(_grid(demo_store, E8))
    model.add_year(2026)
    assert model.columnCount() == 8 and model.years[-1] == 2026
    assert model.index(0, 6).data(DISPLAY) == ""
    assert not model.index(0, 6).flags() & Qt.ItemFlag.ItemIsEditable  # no setter: read-only
    model.set_grid(None)
    assert model.rowCount() == 0 and model.columnCount() == 0


@pytest.mark.parametrize(
    ("text", "number"), [("1 234,5", 1234.5), ("\u00a012\u202f000", 12000.0), ("", None)]
)
def test_typed_numbers(text: str, number: float | None) -> None:
    assert parse_number(text) == number


def test_text_that_is_no_number_is_refused_by_the_core() -> None:
    value = parse_number("dużo")
    assert value is not None and math.isnan(value)
