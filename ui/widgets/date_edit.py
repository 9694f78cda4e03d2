"""The one date editor of the program: forms, table cells and dialogs all use it.

It is a line of text, not a spin box of sections, so what a person types is what
is read: ``1.9.2026``, ``01.09.2026``, ``1092026``, ``2026-09-01`` or a pasted
date (see :mod:`app.services.date_text`). Tab and Enter move on; an empty field
is "no date". What cannot be read stays in the field, is reported through
:attr:`DateEdit.problem_changed` (forms show it under the field) and is never
saved. Up/Down step the day, month or year under the cursor; Alt+Down or F4 or
the calendar button open a calendar at the field's date, else at its
neighbour's (an end opens near its start), else at today.

``precision`` makes the same editor a month field (HDR periods) or a quarter,
school-year or year field; the stored value is always the first day of the
period.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QFrame,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services import date_text
from app.services.date_text import Precision

PROBLEM_PROPERTY = "dateProblem"


def _calendar_icon() -> QIcon:
    return QIcon(str(resources.files("resources") / "icons" / "calendar.svg"))


class DateEdit(QLineEdit):
    """A date (or month, quarter, school year, year) typed as text; ``value()`` reads it."""

    committed = Signal()
    """The text was finished (Tab, Enter, focus out, a calendar pick, Delete): save it."""
    problem_changed = Signal(str)
    """The message about unreadable text, or ``""`` when it reads fine again."""

    def __init__(
        self,
        precision: Precision = Precision.DAY,
        parent: QWidget | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.precision = precision
        self.field = field
        self.first_year = date_text.FIRST_YEAR
        self.neighbour: DateEdit | None = None
        self._problem = ""
        self.setPlaceholderText(date_text.pattern(precision))
        self.setMaxLength(40)
        self.setClearButtonEnabled(False)
        self.calendar_action = QAction(_calendar_icon(), _("Kalendarz (Alt+↓)"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(lambda _text: self.show_problem(""))
        sample = date_text.show(date(2026, 12, 28), precision)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(sample + "  ") + 34)
        self._popup: CalendarPopup | None = None

    # -- the value -------------------------------------------------------------------

    def value(self) -> date | None:
        """The date in the field (``None`` when empty); a UserError when it cannot be read."""
        label = self.accessibleName()
        try:
            return date_text.parse(self.text(), self.precision, label, self.first_year)
        except UserError as error:
            raise UserError(error.message, field=self.field) from None

    def set_value(self, value: Any) -> None:
        """Show a stored value (a date, or ``None`` for no date)."""
        text = date_text.show(value, self.precision) if isinstance(value, date) else ""
        if text != self.text():
            self.setText(text)
        self.show_problem("")

    def problem(self) -> str:
        return self._problem

    def anchor(self) -> date:
        """Where the calendar and the arrows start: this date, the neighbour's, or today."""
        for editor in (self, self.neighbour):
            if editor is None:
                continue
            try:
                found = editor.value()
            except UserError:
                continue
            if found is not None:
                return found
        return date.today()

    # -- finishing ---------------------------------------------------------------------

    def _finished(self) -> None:
        try:
            value = self.value()
        except UserError as error:
            self.show_problem(error.message)
        else:
            self.set_value(value)  # one form in every field: 1.9.2026 reads 01.09.2026
        self.committed.emit()

    def show_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.setProperty(PROBLEM_PROPERTY, bool(message))
        self.setStyleSheet("QLineEdit { border: 1px solid #b00020; }" if message else "")
        self.setToolTip(message)
        self.problem_changed.emit(message)

    # -- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step(1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._in_dialog():
            super().keyPressEvent(event)
            self.focusNextChild()  # Enter moves on, as Tab does (a dialog's Enter saves it)
            return
        super().keyPressEvent(event)

    def _in_dialog(self) -> bool:
        return isinstance(self.window(), QDialog)

    def step(self, steps: int) -> None:
        """Move the part under the cursor (day, month or year) by ``steps``."""
        try:
            current = self.value()
        except UserError:
            return
        if current is None:
            self.set_value(self.anchor())
            return
        section = self.text()[: self.cursorPosition()].count(date_text.separator())
        moved = _moved(current, self.precision, section, steps)
        if moved is None:
            return
        position = self.cursorPosition()
        self.set_value(moved)
        self.setCursorPosition(position)

    # -- the calendar ------------------------------------------------------------------

    def open_calendar(self) -> None:
        popup = CalendarPopup(self)
        self._popup = popup
        popup.picked.connect(self._picked)
        popup.show_below(self, self.anchor())

    def _picked(self, day: date) -> None:
        self.set_value(date_text.parse(date_text.show(day, self.precision), self.precision))
        self.setFocus()
        self.committed.emit()


def _moved(current: date, precision: Precision, section: int, steps: int) -> date | None:
    if precision is Precision.DAY and section == 0:
        return current + timedelta(days=steps)
    months = {Precision.QUARTER: 3, Precision.SCHOOL_YEAR: 12, Precision.YEAR: 12}
    if precision is Precision.DAY:
        step = 1 if section == 1 else 12
    elif precision is Precision.MONTH:
        step = 1 if section == 0 else 12
    else:
        step = months[precision]
    total = current.year * 12 + current.month - 1 + steps * step
    year, month = divmod(total, 12)
    day = current.day
    while True:
        try:
            moved = date(year, month + 1, day)
            break
        except ValueError:
            day -= 1  # 31 January + a month = 28/29 February
    if not date_text.FIRST_YEAR <= moved.year <= date_text.LAST_YEAR:
        return None
    return moved


class CalendarPopup(QFrame):
    """A month calendar below a date field; a click or Enter picks the day, Esc closes it."""

    picked = Signal(object)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(date_text.FIRST_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(date_text.LAST_YEAR, 12, 31))
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        box.addWidget(self.calendar)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def show_below(self, field: QWidget, day: date) -> None:
        shown = QDate(day.year, day.month, day.day)
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(day.year, day.month)
        self.adjustSize()
        self.move(field.mapToGlobal(field.rect().bottomLeft()))
        self.show()
        self.calendar.setFocus()

    def _pick(self, day: QDate) -> None:
        self.picked.emit(date(day.year(), day.month(), day.day()))
        self.close()


def holds_unreadable(watched: QObject, event: QEvent) -> bool:
    """For a delegate's ``eventFilter``: keep a date cell open while its text cannot be read.

    Tab or Enter over an unreadable date shows the message and stays in the
    cell (returns True: the delegate must not commit), so nothing typed is lost.
    """
    if not (
        isinstance(watched, DateEdit)
        and event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
    ):
        return False
    try:
        watched.value()
    except UserError as error:
        watched.show_problem(error.message)
        return True
    return False


def date_cell_editor(parent: QWidget, precision: Precision = Precision.DAY) -> DateEdit:
    """A frameless :class:`DateEdit` for a table cell (a delegate's ``createEditor``)."""
    editor = DateEdit(precision, parent)
    editor.setFrame(False)
    editor.setMinimumWidth(0)
    return editor


def set_date_cell(
    editor: DateEdit, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
) -> None:
    """A delegate's ``setModelData`` for a date cell: unreadable text is reported, never saved.

    The message goes to the model's ``on_error`` (the tables show it where
    their other errors appear).
    """
    try:
        value = editor.value()
    except UserError as error:
        report = getattr(model, "on_error", None)
        if report is not None:
            report(error)
        return
    model.setData(index, value)
