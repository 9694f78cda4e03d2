"""A right-click menu on every list, table and tree row, with the same actions as the buttons.

The menu offers the buttons that sit beside the list (add, delete, move…; only
those enabled now), "Kopiuj tekst" for the row, "Przejdź do" the records the
row's record is linked with (its visit, its action, the notes about it…), and
the quick note about the selected record (Ctrl+M), so the mouse and the buttons
never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)

from app.i18n import _
from ui.keyboard import plain
from ui.models.roles import ID_ROLE, RECORD_TYPE_ROLE

PROPERTY = "rowMenuInstalled"
BUTTON_LEVELS = 3  # how far up from the list the buttons are looked for


NoteAction = Callable[[], QAction | None]
# (record id, record type or None) → (label, go there) for each linked record
Jump = tuple[str, Callable[[], None]]
LinkedRecords = Callable[[str, str | None], list[Jump]]
MENU_LABEL_LIMIT = 70


def _no_links(_record_id: str, _record_type: str | None) -> list[Jump]:
    return []


def install_row_menus(
    root: QWidget, note_action: NoteAction = lambda: None, linked: LinkedRecords = _no_links
) -> None:
    """Give every list, table and tree under ``root`` its row menu (once), now and when a
    tab is shown (a tab may build its lists when first shown)."""
    for tabs in root.findChildren(QTabWidget):
        if not tabs.property(PROPERTY):
            tabs.setProperty(PROPERTY, True)
            tabs.currentChanged.connect(lambda _index: install_row_menus(root, note_action, linked))
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or view.property(PROPERTY):
            continue
        view.setProperty(PROPERTY, True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda point, v=view: show_row_menu(v, point, note_action, linked)
        )


def row_menu(
    view: QAbstractItemView,
    note_action: NoteAction = lambda: None,
    linked: LinkedRecords = _no_links,
) -> QMenu:
    """The menu for the current row of ``view`` (tests read it without showing it)."""
    menu = QMenu(view)
    for button in buttons_beside(view):
        action = menu.addAction(plain(button.text()))
        action.setToolTip(button.toolTip())
        action.triggered.connect(button.click)
    if menu.actions():
        menu.addSeparator()
    copy = menu.addAction(_("&Kopiuj tekst"))
    copy.setEnabled(view.currentIndex().isValid())
    copy.triggered.connect(lambda: copy_row(view))
    _add_jumps(menu, view, linked)
    note = note_action()
    if note is not None and note.isEnabled():
        menu.addAction(note)
    return menu


def _add_jumps(menu: QMenu, view: QAbstractItemView, linked: LinkedRecords) -> None:
    """ "Przejdź do" with one entry per linked record (greyed out when there is none)."""
    current = view.currentIndex()
    record_id = current.data(ID_ROLE) if current.isValid() else None
    record_type = current.data(RECORD_TYPE_ROLE) if current.isValid() else None
    jumps = linked(str(record_id), record_type and str(record_type)) if record_id else []
    submenu = menu.addMenu(_("&Przejdź do powiązanego"))
    submenu.setEnabled(bool(jumps))
    for label, go in jumps:
        flat = " ".join(label.split())
        short = flat if len(flat) <= MENU_LABEL_LIMIT else flat[: MENU_LABEL_LIMIT - 1] + "…"
        action = submenu.addAction(short.replace("&", "&&"))
        action.setToolTip(flat)
        action.triggered.connect(lambda _checked=False, go=go: go())


def show_row_menu(
    view: QAbstractItemView, point: QPoint, note_action: NoteAction, linked: LinkedRecords
) -> None:
    index = view.indexAt(point)
    if index.isValid():
        view.setCurrentIndex(index)
    menu = row_menu(view, note_action, linked)
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
