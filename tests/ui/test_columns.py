"""Columns: hidden from the header's menu, moved and resized by the user, remembered per table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from app.storage.store import Store
from tests.ui.conftest import shown_views
from ui import columns
from ui.main_window import MainWindow
from ui.widgets.column_fit import fit_width

HEADERS = ["Tytuł", "Termin", "Status", "Odpowiedzialny"]


def _model() -> QStandardItemModel:
    model = QStandardItemModel(2, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    for row in range(2):
        for column in range(len(HEADERS)):
            model.setItem(row, column, QStandardItem(f"{HEADERS[column]} {row}"))
    return model


def _table(qtbot: Any, settings: QSettings, model: QStandardItemModel | None = None) -> QTableView:
    table = QTableView()
    table.setAccessibleName("Działania")
    qtbot.addWidget(table)
    table.setModel(model or _model())
    table.show()
    qtbot.waitExposed(table)
    columns.ColumnMemory(table, settings, "columns/plan/Działania")
    return table


def _menu_action(table: QTableView, text: str) -> Any:
    memory = columns.memory_of(table)
    assert memory is not None
    return next(a for a in memory.menu().actions() if a.text().replace("&", "") == text)


def test_a_column_hidden_from_the_header_menu_stays_hidden_next_time(
    qtbot: Any, settings: QSettings
) -> None:
    table = _table(qtbot, settings)
    status = _menu_action(table, "Status")
    assert status.isCheckable() and status.isChecked()
    status.trigger()
    assert table.isColumnHidden(2)
    table.horizontalHeader().moveSection(3, 0)  # "Odpowiedzialny" first
    again = _table(qtbot, settings)
    assert again.isColumnHidden(2)
    assert again.horizontalHeader().logicalIndex(0) == 3
    _menu_action(again, "Status").trigger()
    assert not again.isColumnHidden(2)


def test_the_last_shown_column_cannot_be_hidden_and_the_reset_shows_all(
    qtbot: Any, settings: QSettings
) -> None:
    table = _table(qtbot, settings)
    for title in HEADERS[1:]:
        _menu_action(table, title).trigger()
    assert not _menu_action(table, "Tytuł").isEnabled()
    memory = columns.memory_of(table)
    assert memory is not None
    memory.reset()
    assert [table.isColumnHidden(i) for i in range(4)] == [False] * 4
    assert settings.value("columns/plan/Działania/state") is None


def test_a_width_dragged_by_the_user_survives_a_model_reset_and_a_restart(
    qtbot: Any, settings: QSettings
) -> None:
    model = _model()
    table = _table(qtbot, settings, model)
    header = table.horizontalHeader()
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + 120, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 120, y))
    wide = header.sectionSize(0)
    assert wide > 150
    model.setHorizontalHeaderLabels(HEADERS)
    model.beginResetModel()
    model.endResetModel()
    assert header.sectionSize(0) == wide
    again = _table(qtbot, settings)
    assert again.horizontalHeader().sectionSize(0) == wide


def test_a_saved_layout_for_another_number_of_columns_is_not_applied(
    qtbot: Any, settings: QSettings
) -> None:
    table = _table(qtbot, settings)
    _menu_action(table, "Status").trigger()
    fewer = _model()
    fewer.removeColumn(3)
    again = _table(qtbot, settings, fewer)
    assert not again.isColumnHidden(2), "a program with other columns starts from the defaults"


def test_every_table_of_every_page_has_the_column_menu(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    first = window.municipality_model.row_at(0)
    assert first is not None
    window.choose_municipality(first.id)
    missing, checked = [], 0
    for where, view in shown_views(window):
        if columns.header_of(view) is None:
            continue
        checked += 1
        memory = columns.memory_of(view)
        if memory is None or not memory.header.sectionsMovable():
            missing.append(f"{where}/{view.accessibleName()}")
    assert checked >= 10
    assert missing == []


def _folding_table(qtbot: Any, settings: QSettings, width: int) -> QTableView:
    table = QTableView()
    table.setAccessibleName("Działania")
    qtbot.addWidget(table)
    table.setModel(_model())
    fit_width(table, 0, optional=(3, 2))
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    columns.ColumnMemory(table, settings, "columns/plan/Działania")
    QApplication.processEvents()
    return table


def test_columns_folded_on_a_narrow_screen_are_not_remembered_as_hidden(
    qtbot: Any, settings: QSettings
) -> None:
    narrow = _folding_table(qtbot, settings, 260)
    assert narrow.isColumnHidden(3)  # folded: the headers do not fit
    memory = columns.memory_of(narrow)
    assert memory is not None
    narrow.horizontalHeader().moveSection(1, 2)  # the user arranges: the layout is saved
    assert narrow.isColumnHidden(3)
    wide = _folding_table(qtbot, settings, 1200)
    assert not any(wide.isColumnHidden(column) for column in range(4))
    assert wide.horizontalHeader().logicalIndex(2) == 1  # what the user did is kept


def test_a_folded_column_shown_from_the_menu_stays_and_the_reset_folds_it_again(
    qtbot: Any, settings: QSettings
) -> None:
    table = _folding_table(qtbot, settings, 260)
    assert table.isColumnHidden(3)
    _menu_action(table, "Odpowiedzialny").trigger()
    table.resize(250, 200)
    QApplication.processEvents()
    assert not table.isColumnHidden(3)
    memory = columns.memory_of(table)
    assert memory is not None
    memory.reset()
    QApplication.processEvents()
    assert table.isColumnHidden(3)
