"""The main window's menu bar: Plik, Edycja, Widok, Pomoc.

The actions become the window's attributes (``action_new``, ``action_undo``, …):
its pages, its shell and the help window's list of shortcuts use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.i18n import _

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menus(window: MainWindow, pages: tuple[tuple[str, str], ...]) -> None:
    """Fill ``window``'s menu bar; the Widok menu has one entry per page of ``pages``."""
    file_menu = window.menuBar().addMenu(_("&Plik"))
    window.action_new = QAction(_("&Nowa JST…"), window)
    window.action_new.setShortcut(QKeySequence.StandardKey.New)
    window.action_new.triggered.connect(window.new_municipality)
    file_menu.addAction(window.action_new)
    window.action_demo = QAction(_("Wczytaj JST &demonstracyjną"), window)
    window.action_demo.triggered.connect(window.load_demo)
    file_menu.addAction(window.action_demo)
    window.recent_menu = file_menu.addMenu(_("&Ostatnio używane JST"))
    file_menu.addSeparator()
    window.action_export_pdf = QAction(_("&Eksportuj dokument PDF…"), window)
    window.action_export_pdf.setShortcut(QKeySequence("Ctrl+P"))
    window.action_export_pdf.triggered.connect(lambda: window.export_pdf())
    file_menu.addAction(window.action_export_pdf)
    file_menu.addSeparator()
    window.action_export_package = QAction(_("Zapisz &plik wymiany…"), window)
    window.action_export_package.setToolTip(
        _("Zapisz JST do pliku, aby przenieść ją na inny komputer (np. doradcy)")
    )
    window.action_export_package.triggered.connect(window.export_package)
    file_menu.addAction(window.action_export_package)
    window.action_import_package = QAction(_("&Wczytaj plik wymiany…"), window)
    window.action_import_package.setShortcut(QKeySequence.StandardKey.Open)
    window.action_import_package.triggered.connect(lambda: window.import_package())
    file_menu.addAction(window.action_import_package)
    window.action_import_history = QAction(_("&Historia wczytanych plików…"), window)
    window.action_import_history.triggered.connect(window.import_history)
    file_menu.addAction(window.action_import_history)
    file_menu.addSeparator()
    window.action_backup = QAction(_("Wykonaj &kopię zapasową"), window)
    window.action_backup.triggered.connect(window.make_backup)
    file_menu.addAction(window.action_backup)
    file_menu.addSeparator()
    window.action_settings = QAction(_("&Ustawienia…"), window)
    window.action_settings.setShortcut(QKeySequence("Ctrl+,"))
    window.action_settings.triggered.connect(window.open_settings)
    file_menu.addAction(window.action_settings)
    file_menu.addSeparator()
    quit_action = QAction(_("&Zakończ"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    if quit_action.shortcut().isEmpty():
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    edit_menu = window.menuBar().addMenu(_("&Edycja"))
    window.action_undo = window.undo_stack.createUndoAction(window, _("Cofnij"))
    window.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.action_redo = window.undo_stack.createRedoAction(window, _("Ponów"))
    window.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit_menu.addAction(window.action_undo)
    edit_menu.addAction(window.action_redo)

    view_menu = window.menuBar().addMenu(_("&Widok"))
    find = QAction(_("&Przejdź do JST…"), window)
    find.setShortcut(QKeySequence("Ctrl+J"))
    find.triggered.connect(window._focus_switcher)
    view_menu.addAction(find)
    view_menu.addSeparator()
    for number, (_key, title) in enumerate(pages, start=1):
        go = QAction(_(title), window)
        go.setShortcut(QKeySequence(f"Ctrl+{number}"))
        go.triggered.connect(
            lambda _checked=False, row=number - 1: window.navigation.setCurrentRow(row)
        )
        view_menu.addAction(go)

    help_menu = window.menuBar().addMenu(_("Pomo&c"))
    window.action_help = QAction(_("&Przewodnik"), window)
    window.action_help.setShortcut(QKeySequence.StandardKey.HelpContents)
    if window.action_help.shortcut().isEmpty():
        window.action_help.setShortcut(QKeySequence(Qt.Key.Key_F1))
    window.action_help.triggered.connect(lambda: window.show_help())
    help_menu.addAction(window.action_help)
    shortcuts = QAction(_("&Skróty klawiszowe"), window)
    shortcuts.triggered.connect(lambda: window.show_help(shortcuts=True))
    help_menu.addAction(shortcuts)
    help_menu.addSeparator()
    about = QAction(_("&O programie"), window)
    about.triggered.connect(window._about)
    help_menu.addAction(about)
