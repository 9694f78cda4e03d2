"""A right-click menu on every list, table and tree row, with the same actions as the buttons.

The menu offers the buttons that sit beside the list (add, delete, move…; only
those enabled now), "Kopiuj tekst" for the row, and the quick note about the
selected record (Ctrl+M), so the mouse and the buttons never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QPushButton, QWidget

from app.i18n import _

PROPERTY = "rowMenuInstalled"
BUTTON_LEVELS = 3  # how far up from the list the buttons are looked for


NoteAction = Callable[[], QAction | None]


def install_row_menus(root: QWidget, note_action: NoteAction = lambda: None) -> None:
    """Give every list, table and tree under ``root`` its row menu (once)."""
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or view.property(PROPERTY):
            continue
        view.setProperty(PROPERTY, True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda point, v=view: show_row_menu(v, point, note_action)
        )


def row_menu(view: QAbstractItemView, note_action: NoteAction = lambda: None) -> QMenu:
    """The menu for the current row of ``view`` (tests read it without showing it)."""
    menu = QMenu(view)
    for button in buttons_beside(view):
        action = menu.addAction(button.text())
        action.setToolTip(button.toolTip())
        action.triggered.connect(button.click)
    if menu.actions():
        menu.addSeparator()
    copy = menu.addAction(_("&Kopiuj tekst"))
    copy.setEnabled(view.currentIndex().isValid())
    copy.triggered.connect(lambda: copy_row(view))
    note = note_action()
    if note is not None and note.isEnabled():
        menu.addAction(note)
    return menu


def show_row_menu(view: QAbstractItemView, point: QPoint, note_action: NoteAction) -> None:
    index = view.indexAt(point)
    if index.isValid():
        view.setCurrentIndex(index)
    menu = row_menu(view, note_action)
    menu.exec(view.viewport().mapToGlobal(point))
    menu.deleteLater()


def buttons_beside(view: QAbstractItemView) -> list[QPushButton]:
    """The visible, enabled push buttons near ``view`` (its parent widgets, a few levels up)."""
    found: list[QPushButton] = []
    parent = view.parentWidget()
    for _level in range(BUTTON_LEVELS):
        if parent is None:
            break
        for button in parent.findChildren(
            QPushButton, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if button.isVisible() and button.isEnabled() and button.text() and button not in found:
                found.append(button)
        if found:
            break
        parent = parent.parentWidget()
    return found


def copy_row(view: QAbstractItemView) -> str:
    """Put the current row's texts (tab-separated) on the clipboard; returns them."""
    current = view.currentIndex()
    if not current.isValid():
        return ""
    model = view.model()
    texts = []
    for column in range(model.columnCount(current.parent())):
        if hasattr(view, "isColumnHidden") and view.isColumnHidden(column):
            continue
        cell: QModelIndex = model.index(current.row(), column, current.parent())
        value = cell.data(Qt.ItemDataRole.DisplayRole)
        if value not in (None, ""):
            texts.append(" ".join(str(value).split()))
    text = "\t".join(texts)
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
    return text
