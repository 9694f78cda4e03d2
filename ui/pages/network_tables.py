"""Read-only tables of the "Sieci i spotkania" page: a :class:`NetworkTableModel` behind a
sorting proxy, one record selected at a time, columns fitted to the data."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.networks import NetworkTableModel
from ui.widgets.column_fit import STRETCH_ROOM, fit_width
from ui.widgets.tables import make_table as sorted_table
from ui.widgets.tables import select_source_row, selected_id

WIDEST = 320  # a column fitted to its data is at most this wide (the last one stretches)


def make_table(
    name: str,
    model: NetworkTableModel[Any],
    stretch: int = 0,
    keep: Sequence[int] = (),
    optional: Sequence[int] = (),
    stretch_room: int = STRETCH_ROOM,
) -> QTableView:
    """A read-only, sortable table of ``model``'s rows, one selected at a time; column
    ``stretch`` takes the room the others leave (none sideways), the columns in ``keep``
    (dates) stay whole however narrow the table, those in ``optional`` fold when even the
    headers do not fit."""
    table, _proxy = sorted_table(model, name, {}, model)
    model.setParent(table)  # the model (and its sorting proxy) live as long as the table
    table.setObjectName(name)
    fit_width(table, stretch, keep, optional, stretch_room)
    return table


def model_of(table: QTableView) -> NetworkTableModel[Any]:
    proxy = table.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    model = proxy.sourceModel()
    assert isinstance(model, NetworkTableModel)
    return model


def fill(
    table: QTableView,
    rows: Sequence[Any],
    names: Mapping[str, str] | None = None,
    counts: Mapping[str, int] | None = None,
) -> None:
    """Show ``rows``, keeping the selected record selected when it is still there."""
    chosen = current_id(table)
    model = model_of(table)
    model.show(rows, names, counts)
    if chosen is not None and current_id(table) != chosen:
        proxy = table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        select_source_row(table, proxy, model.row_of(chosen))
    fit_columns(table)


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their data (at most :data:`WIDEST`) and their header's longest word
    (a header wraps onto two lines rather than cut a word)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    model = table.model()
    for column in range(model.columnCount() - 1):
        words = str(model.headerData(column, Qt.Orientation.Horizontal) or "").split()
        least = max((header.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        least += 2 * margin + 8
        table.setColumnWidth(column, max(least, min(table.columnWidth(column), WIDEST)))


def current_id(table: QTableView) -> str | None:
    return selected_id(table)


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
