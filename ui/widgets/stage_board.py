"""All schools by stage of process support: one column per stage, a card per school.

The first column holds the schools not covered yet. A school can be dragged to
another column (``stage_requested``); selecting one emits ``school_chosen``.
One school is selected across all columns at a time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import SupportStage
from app.services.school_support import STAGES, SchoolStage
from ui import keyboard
from ui.formatting import show_date
from ui.models.roles import ID_ROLE, SINCE_ROLE

MIME = "application/x-plan-oswiaty-school"
PAD = 6
GAP = 4
Index = QModelIndex | QPersistentModelIndex
# A pale tint per column, from "not covered" (grey) to the last stage.
COLUMN_TINTS = ("#f1f1f1", "#fdf3dc", "#e8f1fb", "#e6f4ea", "#efe6f7")


class CardDelegate(QStyledItemDelegate):
    """A school card: its name wrapped over as many lines as it needs, the date below."""

    def _text_rect(self, option: QStyleOptionViewItem, width: int) -> QRect:
        return QRect(0, 0, max(40, width - 2 * PAD - 2), 10_000)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        metrics = option.fontMetrics
        flags = int(Qt.TextFlag.TextWordWrap)
        name = metrics.boundingRect(self._text_rect(option, width), flags, str(index.data()))
        height = name.height() + 2 * PAD
        if index.data(SINCE_ROLE):
            height += metrics.height()
        return QSize(width, height + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(1, GAP // 2, -1, -GAP // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#2a62a8" if selected else "#c8c8c8"), 2 if selected else 1))
        painter.setBrush(QColor("#cfe3fa" if selected else "#ffffff"))
        painter.drawRoundedRect(card, 3, 3)
        text = card.adjusted(PAD, PAD, -PAD, -PAD)
        painter.setPen(QColor("#202020"))
        painter.drawText(text, int(Qt.TextFlag.TextWordWrap), str(index.data()))
        since = index.data(SINCE_ROLE)
        if since:
            painter.setPen(QColor("#555555"))
            bottom = text.adjusted(0, text.height() - option.fontMetrics.height(), 0, 0)
            painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft), str(since))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor("#1a1a1a"), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(card.adjusted(3, 3, -3, -3))
        painter.restore()


class StageList(QListWidget):
    """One column: school cards that can be dragged to another column."""

    school_dropped = Signal(str, object)  # school id, the column's stage (None: not covered)

    def __init__(self, stage: SupportStage | None, tint: str) -> None:
        super().__init__()
        self.stage = stage
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setStyleSheet(f"QListWidget {{ background: {tint}; }}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the cards wrap to the new width

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME) or event.source() is self:
            event.ignore()
            return
        school_id = bytes(event.mimeData().data(MIME).data()).decode()
        # The board is redrawn from the core after the change; nothing is moved here.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.school_dropped.emit(school_id, self.stage)


class StageBoard(QWidget):
    school_chosen = Signal(str)
    school_activated = Signal(str)
    stage_requested = Signal(str, object)  # school id, stage (None: not covered)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[SupportStage | None, StageList] = {}
        self.headers: dict[SupportStage | None, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for stage, tint in zip((None, *STAGES), COLUMN_TINTS, strict=True):
            layout.addLayout(self._column(stage, tint), 1)
        self._selecting = False

    def _column(self, stage: SupportStage | None, tint: str) -> QVBoxLayout:
        header = QLabel()
        header.setWordWrap(True)
        header.setMinimumHeight(header.fontMetrics().height() * 2 + 4)
        header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        bold = QFont(header.font())
        bold.setBold(True)
        header.setFont(bold)
        cards = StageList(stage, tint)
        cards.setAccessibleName(_title(stage))
        header.setBuddy(cards)
        cards.currentItemChanged.connect(
            lambda current, _previous, s=stage: self._chosen(s, current)
        )
        cards.itemActivated.connect(
            lambda item: self.school_activated.emit(str(item.data(ID_ROLE)))
        )
        cards.school_dropped.connect(self.stage_requested)
        self.lists[stage] = cards
        self.headers[stage] = header
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(header)
        box.addWidget(cards, 1)
        return box

    def set_schools(self, grouped: Mapping[SupportStage | None, Sequence[SchoolStage]]) -> None:
        keep = self.selected_school_id()
        self._selecting = True
        try:
            for stage, cards in self.lists.items():
                cards.clear()
                found = grouped.get(stage, ())
                keyboard.retitle(self.headers[stage], f"{_title(stage)} ({len(found)})")
                for school in found:
                    cards.addItem(_card(school))
        finally:
            self._selecting = False
        if keep is not None:
            self.select(keep)

    def selected_school_id(self) -> str | None:
        for cards in self.lists.values():
            item = cards.currentItem()
            if item is not None and item.isSelected():
                return str(item.data(ID_ROLE))
        return None

    def select(self, school_id: str) -> bool:
        for cards in self.lists.values():
            for row in range(cards.count()):
                item = cards.item(row)
                if item.data(ID_ROLE) == school_id:
                    cards.setCurrentItem(item)
                    item.setSelected(True)
                    cards.scrollToItem(item)
                    return True
        return False

    def stage_of(self, school_id: str) -> SupportStage | None:
        for stage, cards in self.lists.items():
            if any(cards.item(r).data(ID_ROLE) == school_id for r in range(cards.count())):
                return stage
        return None

    def count(self, stage: SupportStage | None) -> int:
        return self.lists[stage].count()

    def _chosen(self, stage: SupportStage | None, current: QListWidgetItem | None) -> None:
        if self._selecting or current is None:
            return
        for other_stage, cards in self.lists.items():
            if other_stage is not stage:
                cards.blockSignals(True)
                cards.clearSelection()
                cards.setCurrentRow(-1)
                cards.blockSignals(False)
        self.school_chosen.emit(str(current.data(ID_ROLE)))


def _title(stage: SupportStage | None) -> str:
    return stage.label if stage is not None else _("Nieobjęte wspomaganiem")


def _card(school: SchoolStage) -> QListWidgetItem:
    item = QListWidgetItem(school.school.name)
    item.setData(ID_ROLE, school.school.id)
    if school.since is not None:
        item.setData(SINCE_ROLE, _("od {date}").format(date=show_date(school.since)))
    tip = school.school.name
    if school.step is not None and school.step.notes:
        tip += "\n\n" + school.step.notes[:400]
    item.setToolTip(tip)
    return item
