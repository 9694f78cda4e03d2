"""Cells that have a shorter form (``SHORT_TEXT_ROLE``) show it when the whole text would be cut.

"październik 2026" becomes "paź 2026", "✓ zrealizowane · po terminie" becomes
"✓ zrealizowane", instead of "paździer…" or "✓ zreal…"; the tooltip still
tells the whole. Set on the columns that have one (``setItemDelegateForColumn``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ui.models.roles import SHORT_TEXT_ROLE

Index = QModelIndex | QPersistentModelIndex


class ShortWhenNarrow(QStyledItemDelegate):
    """Per cell; or per column, for the columns in ``whole`` (column → the width its longest
    text needs): narrower than that, every cell of the column is short, so that a column of
    months reads alike."""

    def __init__(self, parent: QObject, whole: Mapping[int, int] | None = None) -> None:
        super().__init__(parent)
        self.whole = dict(whole or {})

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        short = index.data(SHORT_TEXT_ROLE)
        if not short:
            return
        needed = self.whole.get(index.column())
        # (a table's grid line takes a pixel of each cell's width)
        narrow = option.rect.width() + 1 < needed if needed else not fits(option, option.text)
        if narrow:
            option.text = str(short)


def fits(option: QStyleOptionViewItem, text: str) -> bool:
    """Does ``text`` fit the cell of ``option`` whole (within the margins the style draws)?"""
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    return option.fontMetrics.horizontalAdvance(text) <= option.rect.width() - 2 * margin


def text_room(view: QAbstractItemView, texts: list[str]) -> int:
    """A column's width for the widest of ``texts`` in bold (a tree's group rows are), margins
    included."""
    font = QFont(view.font())
    font.setBold(True)
    widest = max(QFontMetrics(font).horizontalAdvance(text) for text in texts)
    return widest + 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
