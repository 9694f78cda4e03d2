"""A field with its error message underneath: how every form shows what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.errors import UserError

ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    """A hidden, wrapping, red label for a field's message."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(editor: QWidget, error: QLabel) -> QWidget:
    """``editor`` with ``error`` right below it, as one cell of a form."""
    cell = QWidget()
    box = QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(editor)
    box.addWidget(error)
    return cell


def show_error(errors: dict[str, QLabel], error: UserError, fallback: str) -> None:
    """``error``'s message under the field it names (or ``fallback``'s, if it names none)."""
    label = errors.get(error.field or "", errors[fallback])
    label.setText(error.message)
    label.show()
