"""Tab leaves every table for the next control and reaches the form beside it; form labels
have buddies and Alt+letters unique among what is shown together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.storage.store import Store
from tests.ui.conftest import open_first_municipality
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


def _every_tab(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Each page with each of its tabs shown in turn (the lazily built ones built)."""
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
        tab_widgets = page.findChildren(QTabWidget) or [None]
        for tabs in tab_widgets:
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{page.key}/{index}", page


def test_every_form_label_has_a_buddy_and_a_mnemonic_unique_where_it_is_shown(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    open_first_municipality(qtbot, window)
    menu = set(window.menu_letters())
    assert menu == {"p", "e", "w", "c"}
    problems: list[str] = []
    labels = 0
    for where, page in _every_tab(window):
        for label, _field in keyboard.form_labels(page):
            labels += 1
            buddy = label.buddy()
            if buddy is None or keyboard.focus_target(buddy) is not buddy:
                problems.append(f"{where}: {label.text()!r} has no buddy taking the focus")
            if keyboard.mnemonic(label.text()) is None:
                problems.append(f"{where}: {label.text()!r} has no Alt+letter")
        shown = [
            widget
            for widget in page.findChildren(QWidget)
            if isinstance(widget, QLabel | QAbstractButton)
            and widget.isVisible()
            and keyboard.mnemonic(widget.text())
            and (not isinstance(widget, QLabel) or widget.buddy() is not None)
        ]
        letters: dict[str, str] = {}
        for widget in shown:
            letter = keyboard.mnemonic(widget.text())
            assert letter is not None
            if letter in menu:
                problems.append(f"{where}: {widget.text()!r} takes the menu's Alt+{letter}")
            if letter in letters:
                problems.append(
                    f"{where}: {widget.text()!r} and {letters[letter]!r} share Alt+{letter}"
                )
            letters[letter] = widget.text()
    assert labels >= 60, "the demo's pages have many form fields"
    assert problems == []


def test_buttons_get_mnemonics_and_texts_stay_readable(
    qtbot: Any, window: MainWindow, demo_store: Store
) -> None:
    open_first_municipality(qtbot, window)
    window.navigation.setCurrentRow(1)  # team and schools
    page = window.pages[1]
    tabs = page.findChild(QTabWidget)
    assert tabs is not None
    buttons: list[QPushButton] = []
    for index in range(tabs.count()):  # letters are given to what a tab shows once it shows
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: tabs.currentWidget().isVisible())
        buttons += [b for b in page.findChildren(QPushButton) if b.text() and b.isVisible()]
    assert buttons
    with_letter = [b for b in buttons if keyboard.mnemonic(b.text())]
    # The schools tab's form has more labelled fields than there are free letters: its
    # labels come first, so its two buttons may go without (they are on the row menu too).
    assert len(with_letter) >= len(buttons) - 2
    assert any(keyboard.mnemonic(b.text()) for b in buttons if "osob" in b.text().lower())
    assert all(keyboard.plain(b.text()).strip() for b in buttons)


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
