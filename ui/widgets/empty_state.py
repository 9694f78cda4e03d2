"""A centred message for a page with nothing to show yet, with optional actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self._title = QLabel(title)
        self._title.setObjectName("emptyTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self._text = QLabel(text)
        self._text.setWordWrap(True)
        self._text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text.setMinimumWidth(220)
        self._text.setMaximumWidth(540)
        layout.addWidget(self._title)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._text)
        row.addStretch(1)
        layout.addLayout(row)
        self._buttons = QVBoxLayout()
        layout.addLayout(self._buttons)
        layout.addStretch(2)

    def set_text(self, title: str, text: str) -> None:
        self._title.setText(title)
        self._text.setText(text)

    def add_button(
        self, label: str, slot: Callable[[], None], default: bool = False
    ) -> QPushButton:
        button = QPushButton(label)
        button.setMinimumWidth(260)
        button.setDefault(default)
        button.setAutoDefault(True)
        button.clicked.connect(slot)
        self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        return button


def empty_or_content(
    page: QWidget, empty: EmptyState, top: QLayout, *body: QWidget
) -> QStackedWidget:
    """``page`` shows ``empty`` or, once there is something, ``top`` above ``body``.

    The stack's first widget is ``empty``, its second the content; the last of
    ``body`` takes the height left over.
    """
    content = QWidget()
    box = QVBoxLayout(content)
    box.setContentsMargins(0, 0, 0, 0)
    box.addLayout(top)
    for widget in body:
        box.addWidget(widget, 1 if widget is body[-1] else 0)
    stack = QStackedWidget()
    stack.addWidget(empty)
    stack.addWidget(content)
    QVBoxLayout(page).addWidget(stack)
    return stack
