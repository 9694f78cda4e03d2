"""The monitoring panels' shape: a list beside the chosen record, in one splitter.

:class:`SplitPanel` builds the splitter (the list side stretches 3:2 against
the record side) and, the first time the panel is shown, gives the list
:attr:`SplitPanel.list_share` of the width; its ``today`` can be pinned.
:func:`column` stacks the parts of one side without margins.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget

from ui.pages.base import LiveView
from ui.reference_day import ReferenceDay


class SplitPanel(LiveView, ReferenceDay):
    list_share = 0.6  # of the width, on first show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sized = False

    def _day_changed(self) -> None:
        self.refresh_when_seen()

    def make_splitter(self, list_side: QWidget, record_side: QWidget) -> QSplitter:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(record_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        return self.splitter

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show: the list gets most of the width
            self._sized = True
            width = max(self.splitter.width(), 600)
            share = round(width * self.list_share)
            self.splitter.setSizes([share, width - share])


def column(*parts: QWidget | QLayout, stretch: bool = False) -> QWidget:
    """``parts`` one under another, without margins; ``stretch`` pushes them to the top."""
    side = QWidget()
    box = QVBoxLayout(side)
    box.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            box.addLayout(part)
        else:
            box.addWidget(part)
    if stretch:
        box.addStretch(1)
    return side
