"""Tab leaves every table and tree of every page (and every tab) for the next control."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTabWidget, QWidget

from app.storage.store import Store
from ui.main_window import MainWindow


def _every_view(window: MainWindow) -> Iterator[tuple[str, QAbstractItemView]]:
    """Each page, each of its tabs shown in turn, and the views visible there."""
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        tab_widgets = page.findChildren(QTabWidget) or [None]
        for tabs in tab_widgets:
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                for view in page.findChildren(QAbstractItemView):
                    if isinstance(view, QHeaderView):
                        continue
                    if view.isVisible() and view.isEnabled() and _has_rows(view):
                        yield f"{page.key}/{index}/{view.accessibleName()}", view


def _has_rows(view: QAbstractItemView) -> bool:
    model = view.model()
    return model is not None and model.rowCount() > 0


def _inside(widget: QWidget | None, view: QAbstractItemView) -> bool:
    while widget is not None:
        if widget is view:
            return True
        widget = widget.parentWidget()
    return False


def test_tab_leaves_every_table_for_the_next_control(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    window.municipality_model.reload()
    first = window.municipality_model.municipality_at(0)
    assert first is not None
    window.choose_municipality(first.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    stuck = []
    checked = 0
    for where, view in _every_view(window):
        view.setFocus()
        if not view.hasFocus():
            continue
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        checked += 1
        if _inside(QApplication.focusWidget(), view):
            stuck.append(where)
    assert checked >= 8, "the demo shows tables on most pages"
    assert stuck == [], f"Tab stays inside: {stuck}"
