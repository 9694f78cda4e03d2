"""Open recommendations of earlier visits, listed for review with one-click status buttons.

Each row says what was recommended, to whom, by when and at which visit; an
overdue one carries a warning sign and a red date (readable in greyscale). The
buttons report ``status_requested(recommendation id, status)``; the visit mode
turns that into an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.services.visits import ReviewItem
from ui import keyboard
from ui.formatting import OVERDUE_COLOUR, OVERDUE_MARK, show_date

# The statuses offered as buttons, with their labels.
ACTIONS = (
    ("in_progress", N_("W realizacji")),
    ("done", N_("Wykonane")),
    ("dropped", N_("Zaniechane")),
)


def describe(item: ReviewItem, today: date) -> str:
    """``Joanna Nowaczyk · termin ⚠ 30.06.2025 · wizyta nr 1 (12.03.2025)`` (rich text)."""
    rec = item.recommendation
    parts = [rec.owner] if rec.owner else []
    if rec.due_date is not None:
        due = show_date(rec.due_date)
        if item.overdue(today):
            due = f"<b style='color:{OVERDUE_COLOUR}'>{OVERDUE_MARK} {due}</b>"
        parts.append(_("termin {date}").format(date=due))
    number = _("nr {number} ").format(number=item.visit_number) if item.visit_number else ""
    parts.append(
        _("wizyta {number}({date})").format(number=number, date=show_date(item.visit_date))
    )
    return " · ".join(parts)


class ReviewRow(QFrame):
    def __init__(self, item: ReviewItem, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recommendation_id = item.recommendation.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(item.recommendation.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QLabel(describe(item, today))
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setWordWrap(True)
        details.setStyleSheet("color: palette(placeholder-text);")
        status = item.recommendation.status
        self.buttons: dict[str, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        current = QLabel(_("Teraz: {status}").format(status=status.label))
        current.setWordWrap(True)
        for value, label in ACTIONS:
            button = QToolButton()
            button.setText(_(label))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setEnabled(value != getattr(status, "value", status))
            button.setToolTip(_("Oznacz zalecenie jako: {status}").format(status=_(label).lower()))
            keyboard.without_letter(button)  # four on every card: no letters for them all
            buttons.addWidget(button)
            self.buttons[value] = button
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(3)
        box.addWidget(text)
        box.addWidget(details)
        box.addWidget(current)  # on its own line: the buttons fit a narrow column
        box.addLayout(buttons)


class RecommendationReview(QWidget):
    status_requested = Signal(str, str)  # recommendation id, status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ReviewRow] = []
        self._inner = QWidget()
        self._box = QVBoxLayout(self._inner)
        self._box.setContentsMargins(0, 0, 4, 0)
        self._box.setSpacing(6)
        self._box.addStretch(1)
        self.empty = QLabel(_("Nie ma otwartych zaleceń z wcześniejszych wizyt."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

    def set_items(self, items: Sequence[ReviewItem], today: date) -> None:
        for row in self.rows:
            self._box.removeWidget(row)
            row.hide()  # gone at once, not over the new rows until it is deleted
            row.deleteLater()
        self.rows = []
        for item in items:
            row = ReviewRow(item, today)
            for status, button in row.buttons.items():
                button.clicked.connect(
                    lambda _c=False, r=row.recommendation_id, s=status: self.status_requested.emit(
                        r, s
                    )
                )
            self._box.insertWidget(self._box.count() - 1, row)
            self.rows.append(row)
        self.empty.setVisible(not items)

    def row_of(self, recommendation_id: str) -> ReviewRow | None:
        return next((r for r in self.rows if r.recommendation_id == recommendation_id), None)
