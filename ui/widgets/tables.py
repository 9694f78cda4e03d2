"""The list tables of the monitoring page, set up alike: sortable, one row selected, keys.

``make_table`` gives a read-only table over a sorting proxy of ``model``
(sorted by :data:`ui.models.records.SORT_ROLE`, in the model's own order until
a header is clicked); ``select_source_row`` makes a model row current.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.models.roles import ID_ROLE, SORT_ROLE


def make_table(
    model: QAbstractItemModel, name: str, widths: Mapping[int, int], parent: QObject
) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab moves on to the form beside the table
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for column, width in widths.items():
        header.resizeSection(column, width)
    return table, proxy


def select_source_row(table: QTableView, proxy: QSortFilterProxyModel, row: int) -> bool:
    """Make row ``row`` of the source model current; False when it is not shown."""
    if row < 0:
        return False
    index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
    if not index.isValid():
        return False
    make_current(table, index)
    return True


def make_current(view: QAbstractItemView, index: QModelIndex) -> None:
    """``index``'s row alone selected, current, and scrolled into sight."""
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)


def selected_id(view: QAbstractItemView) -> str | None:
    """The record id (``ID_ROLE``) of the view's current row, or None."""
    index = view.currentIndex()
    value = index.data(ID_ROLE) if index.isValid() else None
    return str(value) if value else None


def on_delete_key(table: QTableView, slot: Callable[[], None]) -> None:
    shortcut = QShortcut(QKeySequence.StandardKey.Delete, table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


class EditingTable(QTableView):
    """A table edited in its cells; it can save a cell still being edited."""

    def commit_open_editor(self) -> None:
        """Save the cell being edited (before another record is shown, or a command runs)."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)


def under_buttons(
    table: QWidget, left: Sequence[QWidget], right: Sequence[QWidget] = ()
) -> QWidget:
    """``table`` under a row of buttons: ``left`` ones at the start, ``right`` ones at the end."""
    buttons = QHBoxLayout()
    for button in left:
        buttons.addWidget(button)
    buttons.addStretch(1)
    for button in right:
        buttons.addWidget(button)
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    box.addLayout(buttons)
    box.addWidget(table)
    return page


def split(
    orientation: Qt.Orientation, first: QWidget, second: QWidget, stretch: tuple[int, int]
) -> QSplitter:
    """Two parts that share the room as ``stretch`` says; neither can be dragged shut."""
    splitter = QSplitter(orientation)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    return splitter


def scrolled(page: QWidget, minimum_width: int = 340) -> QScrollArea:
    """``page`` in a frameless area that scrolls vertically (a form beside a list)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(minimum_width)
    return scroll


def movable_tree(model: QAbstractItemModel, name: str) -> QTreeView:
    """A tree whose rows are dragged to a new place and renamed in place (F2 or a second click)."""
    tree = QTreeView()
    tree.setModel(model)
    tree.setAccessibleName(name)
    tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    tree.setDragEnabled(True)
    tree.setAcceptDrops(True)
    tree.setDropIndicatorShown(True)
    tree.setDefaultDropAction(Qt.DropAction.MoveAction)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(
        QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
    )
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.header().setStretchLastSection(False)
    return tree
