"""Read-only tables of the "Sieci i spotkania" page: rows of text, one record id per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.models.roles import ID_ROLE
from ui.widgets.column_fit import fit_width


def make_table(
    name: str, headers: Sequence[str], stretch: int = 0, keep: Sequence[int] = ()
) -> QTableWidget:
    """A read-only table; column ``stretch`` takes the room the others leave (none sideways).

    The columns in ``keep`` (dates) stay whole however narrow the table.
    """
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    fit_width(table, stretch, keep)
    return table


def fill(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    ids: Sequence[str] | None = None,
    right: Sequence[int] = (),
) -> None:
    """Show ``rows`` (text), keeping the selected record selected when it is still there."""
    chosen = current_id(table)
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if column in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if ids is not None:
                item.setData(ID_ROLE, ids[row])
            table.setItem(row, column, item)
    if chosen is not None and ids is not None and chosen in ids:
        table.selectRow(list(ids).index(chosen))
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for column in range(table.columnCount() - 1):
        # a header shows its every word (it wraps onto two lines), however narrow the data
        title = table.horizontalHeaderItem(column)
        words = title.text().split() if title is not None else []
        least = max((header.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        least += 2 * margin + 8
        table.setColumnWidth(column, max(least, min(table.columnWidth(column), 320)))


def current_id(table: QTableWidget) -> str | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    value = item.data(ID_ROLE) if item is not None else None
    return str(value) if value else None


def with_buttons(table: QWidget, buttons: Sequence[tuple[str, Callable[[], None]]]) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    bar = QHBoxLayout()
    bar.addStretch(1)
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(slot)
        bar.addWidget(button)
    box.addLayout(bar)
    box.addWidget(table, 1)
    return holder
