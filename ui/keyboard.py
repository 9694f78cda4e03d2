"""Keyboard habits of a Windows program, applied to whole windows at once.

Tab leaves a table for the next control (it does not walk the cells; the
arrows do, and F2 edits a cell), so a form beside a table is one Tab away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget


def tab_leaves_tables(root: QWidget) -> None:
    """Make Tab move focus out of every table and tree under ``root``."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
