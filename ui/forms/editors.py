"""One editor widget per kind of field, all with ``value``/``set_value`` and ``committed``.

``committed`` fires when the value should be saved: at once for choices and
numbers; for dates when they are finished (Tab, Enter, a calendar pick); for
typed text a moment after the typing stops, and when the field loses focus —
so nothing typed waits for a Save button.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.i18n import _
from app.services.date_text import Precision
from ui.widgets.date_edit import DateEdit

TYPING_PAUSE_MS = 400


class _CommitsWhenTyped:
    """Commits a line of text after a pause in typing, on leaving it, and on :meth:`flush`."""

    committed: Any
    _timer: QTimer
    typing: bool  # True while a typing pause commits: errors wait for the end

    def _watch(self, line: QLineEdit) -> None:
        self.typing = False
        self._timer = QTimer(line, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._paused)
        line.textEdited.connect(lambda _text: self._timer.start())
        line.editingFinished.connect(self._finished)

    def _paused(self) -> None:
        self.typing = True
        try:
            self.committed.emit()
        finally:
            self.typing = False

    def _finished(self) -> None:
        self._timer.stop()
        self.committed.emit()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()


class LineEditor(_CommitsWhenTyped, QLineEdit):
    committed = Signal()

    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(max_length)
        self._watch(self)

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.text():
            self.setText(text)
            self.setCursorPosition(0)  # show the beginning of a long text


class TextEditor(QPlainTextEdit):
    """Multi-line text; Tab moves focus (as in a Windows form), Ctrl+Enter is a newline."""

    committed = Signal()

    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.setTabChangesFocus(True)
        self.setMinimumHeight(64)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.committed)
        self.textChanged.connect(self._typed)
        self._loading = False

    def _typed(self) -> None:
        if not self._loading:
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.flush()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            text = "" if value is None else str(value)
            if text != self.toPlainText():
                self.setPlainText(text)
        finally:
            self._loading = False


class IntEditor(QSpinBox):
    committed = Signal()

    def __init__(self, minimum: float | None, maximum: float | None, parent: QWidget | None = None):
        super().__init__(parent)
        low = int(minimum) if minimum is not None else -1
        self.setRange(low - 1, int(maximum) if maximum is not None else 2_000_000_000)
        self._blank = low - 1
        self.setSpecialValueText(" ")  # the lowest value means "empty"
        # Years read "2024", not "2 024"; counts like pupils keep the separator.
        self.setGroupSeparatorShown(maximum is None or maximum > 3000 or (minimum or 0) < 1000)
        self.editingFinished.connect(self.committed)
        self.setAccelerated(True)

    def value_or_none(self) -> int | None:
        return None if self.value() == self._blank else int(self.value())

    def set_value(self, value: Any) -> None:
        self.setValue(self._blank if value is None else int(value))


class NumberEditor(QDoubleSpinBox):
    committed = Signal()

    def __init__(self, decimals: int = 2, suffix: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(decimals)
        self._blank = -1e12 - 1
        self.setRange(self._blank, 1e12)
        self.setSpecialValueText(" ")
        self.setSuffix(suffix)
        self.setGroupSeparatorShown(True)
        self.editingFinished.connect(self.committed)

    def value_or_none(self) -> float | None:
        return None if self.value() <= self._blank else float(self.value())

    def set_value(self, value: Any) -> None:
        self.setValue(self._blank if value is None else float(value))


class DateEditor(DateEdit):
    """A day: the program's one date editor (:mod:`ui.widgets.date_edit`) in a form."""

    def __init__(self, parent: QWidget | None = None, first_year: int | None = None) -> None:
        super().__init__(Precision.DAY, parent)
        if first_year is not None:
            self.first_year = first_year


class ChoiceEditor(QComboBox):
    committed = Signal()

    def __init__(
        self, choices: Sequence[tuple[Any, str]], allow_empty: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.set_choices(choices, allow_empty)
        self._keyboard = False  # a change by keys (type-ahead, arrows) waits for Tab or Enter
        self._pending = False
        self.activated.connect(self._activated)

    def _activated(self, _index: int) -> None:
        if self._keyboard:
            self._pending = True
        else:
            self._pending = False
            self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._pending:
            self._finish()
        self._keyboard = True
        try:
            super().keyPressEvent(event)
        finally:
            self._keyboard = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()

    def _finish(self) -> None:
        if self._pending:
            self._pending = False
            self.committed.emit()

    def set_choices(self, choices: Sequence[tuple[Any, str]], allow_empty: bool) -> None:
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if allow_empty:
            self.addItem(_("— brak —"), None)
        for value, label in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        raw = value.value if isinstance(value, StrEnum) else value
        index = self.findData(raw)
        self.setCurrentIndex(max(index, 0))


class SuggestEditor(_CommitsWhenTyped, QComboBox):
    """One line of free text with suggestions to pick from (an indicator's unit).

    Editable: what is typed is kept even when it is not on the list.
    """

    committed = Signal()

    def __init__(
        self, max_length: int, suggestions: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.addItems(list(suggestions))
        line = self.lineEdit()
        assert line is not None  # editable
        line.setMaxLength(max_length)
        self._watch(line)
        self.activated.connect(lambda _index: self._finished())

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.currentText():
            self.setEditText(text)


class FlagEditor(QCheckBox):
    committed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda _checked: self.committed.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChecklistEditor(QListWidget):
    """A checkable list of codes (key competences, schools)."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(self._changed)
        self._loading = False
        self.setMinimumHeight(90)
        # Long choices (a goal's title) wrap instead of scrolling the list sideways.
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        selected = set(self.value())
        self._loading = True
        self.clear()
        for code, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in selected else Qt.CheckState.Unchecked
            )
        self._loading = False

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.committed.emit()

    def value(self) -> list[str]:
        return [
            str(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        wanted = set(value or [])
        self._loading = True
        for row in range(self.count()):
            item = self.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
        self._loading = False


def enum_choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, getattr(member, "label", member.value)) for member in enum]


ChoiceProvider = Callable[[], Sequence[tuple[Any, str]]]
