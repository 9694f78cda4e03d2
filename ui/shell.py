"""The window's everyday tools: a toolbar with the few actions used all day, the search box
(Ctrl+F), and navigation entries with icons and the current page in bold.

:func:`install` is called once by the main window after its menus exist; it only
adds to the window, so the window's own code stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QStyle, QToolBar, QWidget

from app.i18n import _
from ui.context_menus import Jump
from ui.record_jump import PAGE_OF, reveal
from ui.widgets.global_search import GlobalSearch

if TYPE_CHECKING:
    from app.services.search import SearchResult
    from ui.main_window import MainWindow

PAGE_ICONS = {
    "overview": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "team": QStyle.StandardPixmap.SP_DirHomeIcon,
    "plan": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "hdr": QStyle.StandardPixmap.SP_FileDialogListView,
    "monitoring": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "visits": QStyle.StandardPixmap.SP_DialogApplyButton,
    "school_data": QStyle.StandardPixmap.SP_FileDialogStart,
    "networks": QStyle.StandardPixmap.SP_DriveNetIcon,
    "yearly_report": QStyle.StandardPixmap.SP_FileDialogNewFolder,
}
# icon spacing, item margins and the selection's rounding, around an entry's text and icon
NAVIGATION_PADDING = 20
ACTION_ICONS = {
    "export_pdf": QStyle.StandardPixmap.SP_DialogSaveButton,
    "undo": QStyle.StandardPixmap.SP_ArrowBack,
    "redo": QStyle.StandardPixmap.SP_ArrowForward,
    "note": QStyle.StandardPixmap.SP_FileIcon,
    "help": QStyle.StandardPixmap.SP_DialogHelpButton,
}


def _icon(widget: QWidget, pixmap: QStyle.StandardPixmap) -> QIcon:
    return widget.style().standardIcon(pixmap)


def install(window: MainWindow) -> QToolBar:
    """Add the actions, the search box and the navigation icons to ``window``.

    One row (the municipality's): icons only, with tooltips, so the search box
    stays in sight on a 1093-pixel-wide screen.
    """
    bar = window.findChild(QToolBar, "municipalityBar") or QToolBar(_("Narzędzia"))
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.addSeparator()
    for name, action in (
        ("export_pdf", window.action_export_pdf),
        ("undo", window.action_undo),
        ("redo", window.action_redo),
    ):
        action.setIcon(_icon(window, ACTION_ICONS[name]))
        bar.addAction(action)
    window.action_help.setIcon(_icon(window, ACTION_ICONS["help"]))
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    search = GlobalSearch(lambda: window.store, bar)
    search.chosen.connect(lambda result: open_result(window, result))
    window.search = search
    bar.addWidget(search)
    find = QAction(_("&Szukaj wszędzie…"), window)
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.triggered.connect(lambda: _focus_search(window))
    window.addAction(find)
    view_menu = _menu(window, 2)
    if view_menu is not None and view_menu.actions():
        view_menu.insertAction(view_menu.actions()[0], find)
    _navigation_icons(window)
    return bar


def _menu(window: MainWindow, position: int) -> QMenu | None:
    actions = window.menuBar().actions()
    menu = actions[position].menu() if len(actions) > position else None
    return menu if isinstance(menu, QMenu) else None


def add_note_action(window: MainWindow, action: QAction) -> None:
    """Put the quick-note action (made once there is data) at the front of the toolbar."""
    bar = window.findChild(QToolBar, "municipalityBar")
    if bar is None or action in bar.actions():
        return
    action.setIcon(_icon(window, ACTION_ICONS["note"]))
    bar.insertAction(window.action_export_pdf, action)


def _focus_search(window: MainWindow) -> None:
    if window.search is not None:
        window.search.setFocus()
        window.search.selectAll()


def _navigation_icons(window: MainWindow) -> None:
    from ui.main_window import PAGES

    navigation = window.navigation
    navigation.setIconSize(QSize(20, 20))
    navigation.setSpacing(2)
    for row, (key, _title) in enumerate(PAGES):
        item = navigation.item(row)
        if item is not None and key in PAGE_ICONS:
            item.setIcon(_icon(window, PAGE_ICONS[key]))
    navigation.currentRowChanged.connect(lambda row: _mark_current(window, row))
    _mark_current(window, navigation.currentRow())
    _fit_navigation(window)


def _fit_navigation(window: MainWindow) -> None:
    """The navigation as wide as its longest entry (in bold), so it never scrolls sideways."""
    navigation = window.navigation
    navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    font = navigation.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    widest = max(
        (
            metrics.horizontalAdvance(navigation.item(row).text())
            for row in range(navigation.count())
        ),
        default=0,
    )
    room = widest + navigation.iconSize().width() + 2 * navigation.frameWidth() + NAVIGATION_PADDING
    navigation.setMinimumWidth(max(navigation.minimumWidth(), room))


def _mark_current(window: MainWindow, current: int) -> None:
    """The current page's entry in bold, besides the selection colour."""
    for row in range(window.navigation.count()):
        item = window.navigation.item(row)
        font = item.font()
        font.setBold(row == current)
        item.setFont(font)


def open_result(window: MainWindow, result: SearchResult) -> None:
    """Go to a search result: its municipality, its page and tab, the record selected."""
    if result.municipality_id and result.municipality_id != window.municipality_id:
        window.choose_municipality(result.municipality_id)
    go_to(window, result.record_type, result.record_id)


def go_to(window: MainWindow, record_type: str, record_id: str) -> bool:
    """Show record ``record_id`` on its page (and tab), selected; False when no page shows it."""
    from ui.main_window import PAGES

    page_key = PAGE_OF.get(record_type)
    if page_key is None:
        return False
    keys = [key for key, _title in PAGES]
    if page_key not in keys:
        return False
    row = keys.index(page_key)
    window.navigation.setCurrentRow(row)
    return reveal(window.page_at(row), record_type, record_id)


def linked_jumps(window: MainWindow, record_id: str, record_type: str | None) -> list[Jump]:
    """The row menu's "Przejdź do" entries: each record ``record_id`` is linked with."""
    if window.store is None:
        return []
    from app.services.record_links import linked_records

    jumps: list[Jump] = []
    for link in linked_records(window.store, record_id, record_type):
        if link.record_type in PAGE_OF:

            def go(record_type: str = link.record_type, target: str = link.record_id) -> None:
                go_to(window, record_type, target)

            jumps.append((link.label, go))
    return jumps
