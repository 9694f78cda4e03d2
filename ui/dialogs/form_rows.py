"""Rows of a small dialog form, each editor with its own error line under it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from ui.widgets.date_edit import DateEdit

ERROR_STYLE = "color: #b00020;"


class FormRows:
    """A QFormLayout whose rows can show a core error next to the field at fault."""

    def __init__(self, fallback: str) -> None:
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.fallback = fallback  # the field that shows errors naming no field

    def add(self, name: str, label: str, editor: QWidget) -> None:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        editor.setObjectName(f"field_{name}")
        editor.setAccessibleName(label.rstrip(" *"))
        if isinstance(editor, DateEdit):
            editor.field = name
            editor.problem_changed.connect(lambda text: _say(error, text))
        self.layout.addRow(label, cell)
        self.errors[name] = error

    def show(self, error: UserError) -> str:
        """Show ``error`` under its field (or the fallback one); returns that field's name."""
        self.clear()
        name = error.field if error.field in self.errors else self.fallback
        self.errors[name].setText(error.message)
        self.errors[name].show()
        return name

    def attempt(self, save: Callable[[], object]) -> bool:
        """Run ``save``; a core error it raises is shown under its field. Whether it saved."""
        self.clear()
        try:
            save()
        except UserError as error:
            self.show(error)
            return False
        return True

    def clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def text(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if not label.isHidden() else ""


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class _CtrlEnter(QObject):
    """Ctrl+Enter inside a multi-line editor saves the dialog (the editor would eat it)."""

    def __init__(self, parent: QObject, save: Callable[[], None]) -> None:
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._save()
            return True
        return False


def save_on_ctrl_enter(dialog: QDialog, *editors: QWidget) -> None:
    """Ctrl+Enter saves ``dialog`` from anywhere in it, multi-line ``editors`` included."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(dialog.accept)
    catcher = _CtrlEnter(dialog, dialog.accept)
    for editor in editors:
        editor.installEventFilter(catcher)


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK (named ``ok_text`` if given) and Cancel, wired to ``dialog``'s accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def stack(dialog: QDialog, *parts: QWidget | QLayout) -> QVBoxLayout:
    """``dialog``'s layout: ``parts`` (widgets and layouts) one under another."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout
