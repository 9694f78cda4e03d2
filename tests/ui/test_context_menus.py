"""Every list, table and tree row has a right-click menu with the buttons' actions and copying."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
)

from app.services.record_links import linked_records
from app.storage.store import Store
from tests.ui.conftest import shown_views
from ui.context_menus import copy_row, row_menu
from ui.main_window import MainWindow
from ui.models.roles import ID_ROLE
from ui.pages.monitoring import MonitoringPage


def _shown(qtbot: Any, window: MainWindow, store: Store) -> None:
    window.set_store(store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_every_view_with_rows_has_a_row_menu(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    _shown(qtbot, window, demo_store)
    missing, checked = [], 0
    for where, view in shown_views(window):
        if isinstance(view, QHeaderView):
            continue
        checked += 1
        if view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            missing.append(f"{where}/{view.accessibleName()}")
    assert checked >= 10
    assert missing == []


def _journal(qtbot: Any, window: MainWindow, store: Store) -> tuple[MonitoringPage, QTableView]:
    """The monitoring page with its journal of notes on screen."""
    _shown(qtbot, window, store)
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, MonitoringPage))
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    assert isinstance(page, MonitoringPage)
    page.tabs.setCurrentWidget(page.journal)
    QApplication.processEvents()
    return page, page.journal.table


def test_the_journal_menu_mirrors_its_buttons_and_copies_the_row(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    _page, table = _journal(qtbot, window, demo_store)
    table.selectRow(0)
    texts = [action.text() for action in row_menu(table, lambda: window.note_action).actions()]
    assert "Nowa notatka…" in texts and "Usuń" in texts
    assert "&Kopiuj tekst" in texts
    assert any("notatka" in text.lower() and text != "Nowa notatka…" for text in texts)
    copied = copy_row(table)
    assert copied and QGuiApplication.clipboard().text() == copied
    first_cell = str(table.model().index(0, 0).data() or "")
    assert " ".join(first_cell.split()) in copied


def test_the_row_menu_goes_to_the_linked_record(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    """A note's menu leads to the record it is about; choosing it opens that page, selected."""
    from ui.shell import linked_jumps

    page, table = _journal(qtbot, window, demo_store)
    ids = [str(table.model().index(r, 0).data(ID_ROLE)) for r in range(table.model().rowCount())]
    linked_row = next(r for r, i in enumerate(ids) if linked_records(demo_store, i))
    target = linked_records(demo_store, ids[linked_row])[0]
    table.selectRow(linked_row)
    menu = row_menu(table, lambda: window.note_action, lambda i, t: linked_jumps(window, i, t))
    go = next(a for a in menu.actions() if a.text() == "&Przejdź do powiązanego")
    submenu = go.menu()
    assert submenu is not None and go.isEnabled()
    first = submenu.actions()[0]
    assert first.toolTip() == target.label
    first.trigger()
    shown = window.stack.currentWidget()
    assert shown is not page, "the linked record is on another page"
    selected = {
        str(v.currentIndex().data(ID_ROLE))
        for v in shown.findChildren(QAbstractItemView)
        if v.isVisible() and v.currentIndex().isValid()
    }
    assert target.record_id in selected


def test_a_row_without_links_shows_the_entry_greyed_out(qtbot: Any) -> None:
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("bez powiązań"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(0, 0))
    asked: list[str] = []
    menu = row_menu(view, linked=lambda i, t: asked.append(i) or [])
    go = next(a for a in menu.actions() if a.text() == "&Przejdź do powiązanego")
    assert not go.isEnabled()
    assert asked == [], "a row naming no record asks for no links"
