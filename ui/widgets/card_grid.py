"""Cards side by side when there is room, two to a row when there is not.

The overview's four chart cards need about 220 px each; on a 1093-pixel-wide
screen (1366×768 at 125 %) four in a row would push the page sideways, so they
go two by two instead — nothing is cut and nothing scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

CARD_WIDTH = 250  # below this a card's legend would wrap awkwardly


class CardGrid(QWidget):
    def __init__(self, cards: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = list(cards)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        for card in self.cards:
            card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            card.setMinimumWidth(CARD_WIDTH - 40)
        self.columns = 0
        self.arrange(len(self.cards))

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        for columns in (len(self.cards), 2, 1):
            if columns * CARD_WIDTH + (columns - 1) * spacing <= width:
                return columns
        return 1

    def arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for number, card in enumerate(self.cards):
            self.grid.addWidget(card, number // columns, number % columns)
        for column in range(len(self.cards)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(self.columns_for(event.size().width()))
