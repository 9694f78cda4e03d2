"""The "Szybka notatka" action (Ctrl+M): in the window from the start, its dialog when used.

The dialog (:mod:`ui.dialogs.quick_note`) brings the model with it; the action
does not, so the toolbar is whole before the data layer is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import _

ACTION_NAME = "quickNoteAction"
SHORTCUT = "Ctrl+M"


def install_quick_note(window: QMainWindow) -> QAction:
    """Give ``window`` the "Szybka notatka" action (Ctrl+M) in its Edit menu, once."""
    existing = window.findChild(QAction, ACTION_NAME)
    if isinstance(existing, QAction):
        return existing
    action = QAction(_("Szybka &notatka…"), window)
    action.setObjectName(ACTION_NAME)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(
        _("Dopisz notatkę do dziennika monitoringu, powiązaną z tym, co zaznaczone")
    )
    action.triggered.connect(lambda _checked=False: _open(window))
    menu = _edit_menu(window)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    else:
        window.addAction(action)
    return action


def _edit_menu(window: QMainWindow) -> QMenu | None:
    wanted = {_("&Edycja").replace("&", ""), "Edycja", "Edit"}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") in wanted:
            return menu
    return None


def _open(window: QMainWindow) -> None:
    from ui.dialogs.quick_note import open_quick_note

    open_quick_note(window)
