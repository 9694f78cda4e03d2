"""The widgets of the indicators panel: its filter, delegates, tables and splitters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.forms.record_form import RecordForm
from ui.models import indicators as columns
from ui.models.indicators import ATTENTION_ROLE
from ui.models.measurements import DATE, SOURCE, VALUE
from ui.models.roles import DEPTH_ROLE, SORT_ROLE
from ui.widgets.column_fit import fit_width

Index = QModelIndex | QPersistentModelIndex

# Narrow enough that the indicator's name keeps room at 1093 px (headers wrap).
COLUMN_WIDTHS = {
    columns.ATTACHED_TO: 105,
    columns.UNIT: 80,
    columns.BASELINE: 80,
    columns.TARGET: 80,
    columns.LATEST: 72,
    columns.STATUS: 112,
    columns.STALE: 86,
}
# Shown by the form and the chart; the header's context menu brings them back.
HIDDEN_COLUMNS = (columns.UNIT, columns.BASELINE, columns.TARGET)
MEASUREMENT_WIDTHS = {DATE: 95, VALUE: 80, SOURCE: 160}
INDENT = 16


class AttentionFilter(QSortFilterProxyModel):
    """All indicators, or only those off track, at risk or stale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attention_only = False
        self.setSortRole(SORT_ROLE)

    def set_attention_only(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated
            self.beginFilterChange()
            self.attention_only = on
            self.endFilterChange()
        else:
            self.attention_only = on
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.attention_only:
            return True
        model = self.sourceModel()
        return bool(model.index(source_row, 0, source_parent).data(ATTENTION_ROLE))


class IndentDelegate(QStyledItemDelegate):
    """Indents the entries of the "Przypisany do" list by their depth in the plan."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        depth = int(index.data(DEPTH_ROLE) or 0)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(depth * INDENT, 0, 0, 0)
        super().paint(painter, shifted, index)


NAME_ROOM = 150  # an indicator's name beyond its header, before other columns fold


def indicator_table(model: QSortFilterProxyModel) -> QTableView:
    table = QTableView()
    setup_table(table, model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(columns.NAME, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(48)
    for column, width in COLUMN_WIDTHS.items():
        header.resizeSection(column, width)
    for column in HIDDEN_COLUMNS:
        table.setColumnHidden(column, True)
    # The latest value and the state stay whole; narrow, the freshness and what the
    # indicator is attached to fold (the form and the chart show them).
    fit_width(
        table,
        columns.NAME,
        keep=(columns.LATEST, columns.STATUS),
        optional=(columns.STALE, columns.ATTACHED_TO),
        stretch_room=NAME_ROOM,
    )
    column_menu(table)
    return table


def column_menu(table: QTableView) -> None:
    """Right-click on the header: show or hide columns (as in Windows Explorer)."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column, title in enumerate(columns.headers()):
        if column == columns.NAME:
            continue
        action = QAction(title, header)
        action.setCheckable(True)
        action.setChecked(not table.isColumnHidden(column))
        action.toggled.connect(lambda on, column=column: table.setColumnHidden(column, not on))
        header.addAction(action)


def show_starts(form: RecordForm) -> None:
    """Long one-line texts show their beginning, not their end, when a record is loaded."""
    for editor in form.editors.values():
        if isinstance(editor, QLineEdit):
            editor.setCursorPosition(0)


def setup_table(table: QTableView, model: Any) -> None:
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
