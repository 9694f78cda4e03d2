"""Reading a table view as the user sees it: its row count and the text of a cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView


def row_count(view: QAbstractItemView) -> int:
    return view.model().rowCount()


def cell(view: QAbstractItemView, row: int, column: int) -> str:
    """The text shown at (``row``, ``column``) of the view, in the view's order."""
    return str(view.model().index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
