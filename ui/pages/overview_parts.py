"""The overview page's parts: a card with a bar chart, a list section, chart segments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from app.enums import ActionStatus, IndicatorStatus
from ui.models.overview import (
    ACTION_COLOURS,
    INDICATOR_COLOURS,
    ItemListModel,
)
from ui.widgets.status_bar_chart import Segment, StatusBarChart

LIST_ROWS = 6  # rows a list shows before it scrolls
COLUMN_LIMIT = 140  # the widest a column beside the title gets (it can be dragged wider)


class Card(QFrame):
    """A chart with a title, its headline figure, a footnote and a link to the page."""

    def __init__(self, title: str, link: str, page_key: str) -> None:
        super().__init__()
        self.page_key = page_key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.figure = QLabel()
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.chart = StatusBarChart()
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.link = QLabel(f"<a href='#'>{link}</a>")
        self.link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.figure)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.addLayout(top)
        box.addWidget(self.chart)
        box.addWidget(self.footnote)
        box.addStretch(1)
        box.addWidget(self.link)

    def set_content(self, segments: list[Segment], figure: str, footnote: str, empty: str) -> None:
        self.chart.set_segments(segments, empty)
        self.figure.setText(figure)
        self.footnote.setText(footnote if self.chart.total else "")


class Section(QGroupBox):
    """A titled list of overview items; an honest sentence when it is empty."""

    def __init__(self, title: str, model: ItemListModel, empty: str) -> None:
        super().__init__(title)
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.title_text = title
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, spec in enumerate(model.item_columns):
            if spec.stretch:  # the title takes the room; the rest fit their contents
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addWidget(self.empty)
        box.addStretch(1)  # side by side sections start at the same height
        model.modelReset.connect(self.update_size)
        self.update_size()

    def update_size(self) -> None:
        rows = self.model.rowCount()
        self.setTitle(f"{self.title_text} ({rows})" if rows else self.title_text)
        for column, spec in enumerate(self.model.item_columns):
            if not spec.stretch:  # fit the contents, but leave the title most of the room
                self.table.resizeColumnToContents(column)
                width = self.table.horizontalHeader().sectionSize(column)
                self.table.horizontalHeader().resizeSection(column, min(width, COLUMN_LIMIT))
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        shown = min(rows, LIST_ROWS)
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + shown * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFixedHeight(height)


def segment(label: str, count: int, colours: tuple[str, bool, str]) -> Segment:
    colour, hatched, text = colours
    return Segment(label, count, colour, hatched, text)


def action_segments(counts: dict[ActionStatus, int] | Any) -> list[Segment]:
    return [
        segment(status.label, counts.get(status, 0), ACTION_COLOURS[status])
        for status in (
            ActionStatus.DONE,
            ActionStatus.IN_PROGRESS,
            ActionStatus.PLANNED,
            ActionStatus.DELAYED,
            ActionStatus.DROPPED,
        )
    ]


def indicator_segments(counts: Any) -> list[Segment]:
    return [
        segment(status.label, counts.get(status, 0), INDICATOR_COLOURS[status])
        for status in (
            IndicatorStatus.ACHIEVED,
            IndicatorStatus.ON_TRACK,
            IndicatorStatus.AT_RISK,
            IndicatorStatus.OFF_TRACK,
            IndicatorStatus.NO_DATA,
        )
    ]
