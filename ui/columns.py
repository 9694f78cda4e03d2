"""Columns users arrange: resize, hide (the header's right-click menu) and reorder, remembered.

:func:`install` walks a page (and each tab as it is first shown) and makes
every table's and tree's header movable, gives it a menu with one tick per
column and "Przywróć domyślny układ", and keeps its state in the settings under
``columns/<page>/<table>``. The state is applied again whenever the header gets
its sections back (a model reset re-creates them), as long as the number of
columns is the one it was saved with: a program that gained a column starts
from the defaults instead of hiding the wrong one.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import QByteArray, QObject, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.i18n import _
from ui.widgets.column_fit import fitting

PREFIX = "columns"
DONE = "columnsRemembered"
HOOKED = "columnsHooked"


def install(page: QWidget, settings: QSettings, page_key: str) -> None:
    """Remember the column layout of every table and tree on ``page``, now and as tabs appear."""

    def again() -> None:
        for number, view in enumerate(_views(page)):
            if not view.property(DONE):
                view.setProperty(DONE, True)
                ColumnMemory(view, settings, f"{PREFIX}/{page_key}/{_name(view, number)}")
        for tabs in page.findChildren(QTabWidget):
            if not tabs.property(HOOKED):
                tabs.setProperty(HOOKED, True)
                tabs.currentChanged.connect(lambda _index: again())

    again()


def _views(page: QWidget) -> list[QAbstractItemView]:
    return [view for view in page.findChildren(QAbstractItemView) if header_of(view) is not None]


def header_of(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def _name(view: QAbstractItemView, number: int) -> str:
    """A name that stays the same from one run to the next: accessible, object, else class."""
    name = view.accessibleName() or view.objectName() or f"{type(view).__name__}{number}"
    return name.replace("/", "-")


class ColumnMemory(QObject):
    """One header's menu and its remembered state (a child of the header, living as long).

    Only what the user does is saved (dragging a border or a column, the menu):
    sizes the page's code sets when it fills the table are not remembered.
    """

    def __init__(self, view: QAbstractItemView, settings: QSettings, key: str) -> None:
        header = header_of(view)
        assert header is not None
        super().__init__(header)
        self.view = view
        self.header = header
        self.settings = settings
        self.key = key
        self.applying = False
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(isinstance(view, QTableView))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(lambda *_args: self.save())
        header.sectionCountChanged.connect(lambda *_args: self.apply())
        self.apply()

    def _resized(self, *_args: object) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.save()  # a border dragged by the user

    # -- state ------------------------------------------------------------------

    def apply(self) -> None:
        """Show the saved layout again, when it fits the columns there are now."""
        header = self.header
        if header.count() == 0:
            return
        saved = self.settings.value(f"{self.key}/state")
        count = self.settings.value(f"{self.key}/count")
        if not isinstance(saved, QByteArray | bytes) or str(count) != str(header.count()):
            return
        self.applying = True
        try:
            with self._quiet():
                header.restoreState(QByteArray(saved))
        finally:
            self.applying = False
        self._refit()

    def save(self) -> None:
        header = self.header
        if self.applying or header.count() == 0:
            return
        fit = fitting(header)
        with fit.unfolded() if fit is not None else nullcontext():
            state = header.saveState()  # what the table folded is not the user's choice
        self.settings.setValue(f"{self.key}/state", state)
        self.settings.setValue(f"{self.key}/count", header.count())

    def reset(self) -> None:
        """Every column shown, in the model's order, sized to its content; nothing remembered."""
        header = self.header
        fit = fitting(header)
        if fit is not None:
            fit.restore_defaults()
        self.applying = True
        try:
            with self._quiet():
                for logical in range(header.count()):
                    header.showSection(logical)
                    visual = header.visualIndex(logical)
                    if visual != logical:
                        header.moveSection(visual, logical)
                    self.fit(logical)
        finally:
            self.applying = False
        self.settings.remove(self.key)
        self._refit()

    def _quiet(self) -> AbstractContextManager[None]:
        """Sections shown by the code here, not by the user: the width fit does not pin them."""
        fit = fitting(self.header)
        return fit.quiet() if fit is not None else nullcontext()

    def _refit(self) -> None:
        fit = fitting(self.header)
        if fit is not None and self.view.isVisible():
            fit.fit()

    # -- menu -------------------------------------------------------------------

    def menu(self) -> QMenu:
        """One tick per column (the last shown one cannot be hidden) and the reset."""
        header = self.header
        menu = QMenu(header)
        model = header.model()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            title = model.headerData(logical, Qt.Orientation.Horizontal) if model else None
            text = " ".join(str(title or _("Kolumna {number}").format(number=logical + 1)).split())
            action = menu.addAction(text.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(shown != [logical])
            action.toggled.connect(lambda checked, column=logical: self.set_shown(column, checked))
        menu.addSeparator()
        menu.addAction(_("Przywróć &domyślny układ kolumn"), self.reset)
        return menu

    def set_shown(self, logical: int, shown: bool) -> None:
        fit = fitting(self.header)
        if fit is not None and shown:
            fit.pin(logical)  # shown by the user: it no longer folds
        self.header.setSectionHidden(logical, not shown)
        if shown and self.header.sectionSize(logical) < self.header.minimumSectionSize() * 2:
            self.fit(logical)
        self.save()

    def fit(self, logical: int) -> None:
        if isinstance(self.view, QTableView | QTreeView):
            self.view.resizeColumnToContents(logical)

    def show_menu(self, point: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.viewport().mapToGlobal(point))
        menu.deleteLater()


def memory_of(view: QAbstractItemView) -> ColumnMemory | None:
    """The memory installed on ``view``'s header (tests use it)."""
    header = header_of(view)
    return header.findChild(ColumnMemory) if header is not None else None
