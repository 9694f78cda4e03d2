"""Tab leaves every table for the next control and reaches the form beside it; Enter and F2
edit a cell. (The Alt+letters of every page, tab and dialog: test_keyboard_mnemonics.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.storage.store import Store
from tests.ui.conftest import open_first_municipality
from tests.ui.test_keyboard_mnemonics import every_tab_shown
from ui import keyboard
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
    open_first_municipality(qtbot, window)
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


def _every_tab(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Each page with each of its tabs, nested ones too, shown in turn."""
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
        for where in every_tab_shown(page):
            yield f"{page.key}/{where}", page


def _form_fields_beside(view: QAbstractItemView, page: QWidget) -> list[QWidget]:
    """The visible form fields shown together with ``view`` (same tab)."""
    scope = keyboard.scope_chain(view, page)
    fields = []
    for label, _field in keyboard.form_labels(page):
        buddy = label.buddy()
        if (
            buddy is not None
            and buddy.isVisible()
            and buddy.isEnabled()
            and keyboard.scope_chain(buddy, page)[: len(scope)] == scope
        ):
            fields.append(buddy)
    return fields


def test_tab_from_every_table_reaches_the_form_beside_it(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    open_first_municipality(qtbot, window)
    unreached = []
    checked = 0
    for where, page in _every_tab(window):
        for view in page.findChildren(QAbstractItemView):
            if isinstance(view, QHeaderView) or not (view.isVisible() and _has_rows(view)):
                continue
            view.setCurrentIndex(view.model().index(0, 0))
            fields = _form_fields_beside(view, page)
            if not fields:
                continue
            view.setFocus()
            if not view.hasFocus():
                continue
            checked += 1
            for _press in range(60):
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
                focused = QApplication.focusWidget()
                if any(_inside(focused, field) for field in fields):
                    break
            else:
                unreached.append(f"{where}/{view.accessibleName()}")
    assert checked >= 6, "most pages show a form beside a table"
    assert unreached == []


def test_mnemonics_skip_polish_letters_keep_free_ones_and_repeat_only_across_tabs(
    qtbot: Any,
) -> None:
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    outer = QVBoxLayout(root)
    kept = QPushButton("&Zapisz")
    clash = QPushButton("&Zamknij")  # the code gave Z twice: the second one moves
    polish = QPushButton("Łączność")  # Ł and ą are AltGr letters: passed over
    ampersand = QPushButton("Szkoły && placówki")  # a literal ampersand
    for button in (kept, clash, polish, ampersand):
        outer.addWidget(button)
    tabs = QTabWidget()
    outer.addWidget(tabs)
    fields = []
    for title in ("Jeden", "Dwa"):
        tab = QWidget()
        form = QFormLayout(tab)
        field = QLineEdit()
        form.addRow("Opis", field)
        fields.append(field)
        tabs.addTab(tab, title)
    keyboard.install(root, reserved=["o"])
    assert kept.text() == "&Zapisz"
    assert keyboard.mnemonic(clash.text()) not in (None, "z")
    assert polish.text() == "Łą&czność"
    assert keyboard.plain(ampersand.text()) == "Szkoły & placówki"
    assert "&&" in ampersand.text() and keyboard.mnemonic(ampersand.text()) is not None
    rows = keyboard.form_labels(root)
    labels = [label for label, _field in rows]
    assert sorted(id(label.buddy()) for label in labels) == sorted(id(field) for field in fields)
    letters = [keyboard.mnemonic(label.text()) for label in labels]
    # tabs are never shown together; O is the menu's, and P's underline is hard to see
    assert letters[0] == letters[1] == "i"


def _editing(view: QAbstractItemView) -> bool:
    focused = QApplication.focusWidget()
    return view.state() == QAbstractItemView.State.EditingState or (
        focused is not None and focused is not view and _inside(focused, view)
    )


def test_enter_and_f2_edit_a_cell_of_every_editable_table(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    """A tree of records answers Enter by moving to the record's form instead."""
    open_first_municipality(qtbot, window)
    not_editing: list[str] = []
    checked: set[int] = set()
    for where, page in _every_tab(window):
        for view in page.findChildren(QAbstractItemView):
            model = view.model()
            if (
                isinstance(view, QHeaderView)
                or id(view) in checked
                or not view.isVisible()
                or view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
                or not _has_rows(view)
            ):
                continue
            cell = next(
                (
                    model.index(0, column)
                    for column in range(50)
                    if model.index(0, column).isValid()
                    and model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
                ),
                None,
            )
            if cell is None:
                continue
            checked.add(id(view))
            for key in (Qt.Key.Key_F2, Qt.Key.Key_Return):
                view.setFocus()
                view.setCurrentIndex(cell)
                qtbot.keyClick(view, key)
                in_form = key == Qt.Key.Key_Return and not _inside(QApplication.focusWidget(), view)
                if not (_editing(view) or (in_form and isinstance(view, QTreeView))):
                    not_editing.append(f"{where}/{view.accessibleName()}/{key.name}")
                qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    assert len(checked) >= 4, (
        "plan, indicators, recommendations and school data are edited in place"
    )
    assert not_editing == []


def test_enter_edits_a_cell_and_enter_again_saves_it(qtbot: Any) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(2, 2)
    for row in range(2):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"{row}{column}"))
    model.item(1, 1).setEditable(False)
    holder = QWidget()
    qtbot.addWidget(holder)
    table = QTableView(holder)
    table.setModel(model)
    keyboard.tab_leaves_tables(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table, type(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "nowe")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert model.item(0, 1).text() == "nowe"
    table.setCurrentIndex(model.index(1, 1))  # not editable: Enter edits nothing
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.state() != QAbstractItemView.State.EditingState
    assert model.item(1, 1).text() == "11"
