"""Closing, viewing and reopening a school year through the real widgets; a closed year's grid."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from app.demo import load_demo
from app.model import SnapshotStatus
from app.services import snapshots
from app.services.school_data import grid as grids
from app.services.school_data import snapshot as school_data
from app.storage.store import Store
from tests.ui.cells import cell, row_count
from ui.dialogs.school_years import SchoolYearsDialog
from ui.main_window import MainWindow
from ui.pages.school_data import SchoolDataPage, SetCell


@pytest.fixture
def demo(demo_store: Store) -> str:
    return load_demo(demo_store)[0].id


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *args: Any) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def _pupils(store: Store, municipality_id: str, school_id: str, year: int) -> float | None:
    data = school_data.load(store, municipality_id)
    return grids.cell(data, grids.measure("stats:pupils"), school_id, year)


def test_the_closed_year_is_listed_viewed_read_only_and_reopened_with_a_reason(
    qtbot: Any, store: Store, demo: str
) -> None:
    dialog = SchoolYearsDialog(store, demo)
    qtbot.addWidget(dialog)
    assert row_count(dialog.table) == 1
    assert cell(dialog.table, 0, 0) == "2025/2026"
    assert cell(dialog.table, 0, 1) == "zamknięty"
    assert cell(dialog.table, 0, 2) == "31 sierpnia 2026"
    assert "zamknięty (Anna Kowalska)" in dialog.log.toPlainText()
    assert dialog.year.findData(2025) == -1  # closed: not offered again

    qtbot.mouseClick(dialog.view_button, Qt.MouseButton.LeftButton)
    viewer = dialog.viewer
    assert viewer is not None
    qtbot.addWidget(viewer)
    titles = [viewer.tabs.tabText(i) for i in range(viewer.tabs.count())]
    assert titles[0].startswith("Dane oświatowe 2025/2026 (")
    assert any(t.startswith("Wskaźniki (") for t in titles)
    for table in viewer.tables:
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert row_count(viewer.tables[0]) > 0

    # No reason: refused, in words, and the year stays closed.
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert "Podaj powód" in dialog.message.text()
    assert snapshots.is_year_closed(store, demo, 2025)

    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Korekta danych SIO")
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert not snapshots.is_year_closed(store, demo, 2025)
    assert cell(dialog.table, 0, 1) == "otwarty ponownie"
    assert "Korekta danych SIO" in dialog.log.toPlainText()
    assert not dialog.reopen_button.isEnabled()
    assert dialog.year.findData(2025) >= 0


def test_closing_asks_first_and_a_no_changes_nothing(
    qtbot: Any, store: Store, demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = snapshots.list_snapshots(store, demo)[0]
    snapshots.reopen_school_year(store, closed.id, reason="Korekta")
    dialog = SchoolYearsDialog(store, demo)
    qtbot.addWidget(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2025))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not snapshots.is_year_closed(store, demo, 2025)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert snapshots.is_year_closed(store, demo, 2025)
    assert cell(dialog.table, 0, 1) == SnapshotStatus.CLOSED.label
    assert "Zamknięto rok szkolny 2025/2026" in dialog.message.text()
    assert len(snapshots.list_snapshots(store, demo)[0].events) == 3


def test_a_closed_year_cannot_be_edited_in_the_grid(
    qtbot: Any, window: MainWindow, store: Store, demo: str, warnings: list[str]
) -> None:
    window.municipality_model.reload()
    window.choose_municipality(demo)
    page = next(p for p in window.pages if isinstance(p, SchoolDataPage))
    window.navigation.setCurrentRow(window.pages.index(page))
    model = page.model
    column = model.years.index(2025) + 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == "2025/2026\nzamknięty"
    index = model.index(0, column)
    school_id = model.grid.rows[0].school_id  # type: ignore[union-attr]
    before = _pupils(store, demo, school_id or "", 2025)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert "tylko do odczytu" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    assert page.table.state() != QAbstractItemView.State.EditingState
    qtbot.keyClicks(page.table, "999")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert _pupils(store, demo, school_id or "", 2025) == before
    # The window's edit command, should anything reach it, is refused by the core.
    command = SetCell(store, demo, "stats:pupils", school_id, 2025, 5)
    assert window.context is not None
    assert not window.context.run(command)
    assert warnings and "2025/2026 jest zamknięty" in warnings[-1]
    assert _pupils(store, demo, school_id or "", 2025) == before
    assert not window.undo_stack.canUndo()
    assert QApplication.activeModalWidget() is None
