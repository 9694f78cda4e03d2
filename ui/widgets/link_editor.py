"""Choosing what a note is about: the municipality's plan elements, HDR items, schools, …

The list is :func:`app.services.links.link_targets`, indented by depth in the
drop-down (the plan's tree reads as a tree); the closed box shows the label
from its beginning, and its tooltip shows it whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.i18n import _
from app.services import links
from ui.forms.editors import ChoiceEditor
from ui.models.roles import DEPTH_ROLE as DEPTH_ROLE

INDENT = 16
Index = QModelIndex | QPersistentModelIndex


class _IndentDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        depth = int(index.data(DEPTH_ROLE) or 0)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(depth * INDENT, 0, 0, 0)
        super().paint(painter, shifted, index)


class LinkEditor(ChoiceEditor):
    """A combo box of link targets (``"type:id"`` keys), with "— brak —" for no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], allow_empty=True, parent=parent)
        self.setItemDelegate(_IndentDelegate(self))
        self.view().setMinimumWidth(480)
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setAccessibleName(_("Dotyczy"))
        self.currentIndexChanged.connect(lambda _index: self.setToolTip(self.currentText()))

    def set_targets(self, targets: Sequence[links.LinkTarget]) -> None:
        self.set_choices([(t.key, t.label) for t in targets], allow_empty=True)
        for position, target in enumerate(targets, start=1):
            self.setItemData(position, target.depth, DEPTH_ROLE)
            self.setItemData(position, target.label, Qt.ItemDataRole.ToolTipRole)

    def link(self) -> links.Link | None:
        return links.parse_key(self.value())

    def show_link(self, link: links.Link | None, label: str = "") -> None:
        """Show ``link``; one not offered (a deleted record, say) is added under ``label``."""
        if link is None:
            self.set_value(None)
            return
        key = f"{link[0]}:{link[1]}"
        if self.findData(key) < 0:
            self.addItem(label or key, key)
        self.set_value(key)
        self.setToolTip(self.currentText())
