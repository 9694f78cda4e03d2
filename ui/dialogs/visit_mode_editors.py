"""The visit mode's own editors: notes saved as one types, and the one-line recommendation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import AdvisoryVisit, Recommendation
from app.services import validation
from app.services.fields import FIELDS
from ui.forms.editors import DateEditor, TextEditor
from ui.widgets.field_error import ERROR_STYLE


class AutosaveText(QWidget):
    """A long text field of the visit, saved on a typing pause and on every focus change."""

    def __init__(self, field: str, on_save: Callable[[str, Any, Any], None]) -> None:
        super().__init__()
        self.field = field
        self.on_save = on_save
        self.spec = FIELDS[AdvisoryVisit][field]
        self.saved: str | None = None
        self.editor = TextEditor(self.spec.max_length)
        self.editor.setObjectName(f"field_{field}")
        self.editor.setAccessibleName(_(self.spec.label))
        self.editor.setTabChangesFocus(True)
        self.editor.committed.connect(self.save)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.editor, 1)
        box.addWidget(self.error)

    def load(self, value: str | None) -> None:
        """Show the stored text — unless typing here is not saved yet: that text stays
        (and is saved over the stored one at the next pause or focus change).
        """
        pending = self.editor.value() != (self.saved or "")
        self.saved = value
        if not pending:
            self.editor.set_value(value)

    def flush(self) -> None:
        self.editor.flush()

    def save(self) -> None:
        try:
            new = validation.clean_value(self.field, self.spec, self.editor.value())
        except UserError as error:
            self._show_error(error.message)
            return
        if new == self.saved:
            return
        old, self.saved = self.saved, new
        try:
            self.on_save(self.field, old, new)
        except UserError as error:
            self.saved = old
            self._show_error(error.message)
            return
        self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class QuickRecommendation(QWidget):
    """One line for a recommendation as it is agreed: text, who, by when; Enter adds it."""

    def __init__(self, on_add: Callable[[dict[str, Any]], bool]) -> None:
        super().__init__()
        self.on_add = on_add
        self.text = QLineEdit()
        self.text.setObjectName("quick_text")
        hint = _("Treść zalecenia — Enter dodaje")
        self.text.setPlaceholderText(hint)
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance(hint) + 24)
        self.text.setAccessibleName(_("Treść zalecenia"))
        self.text.setMaxLength(FIELDS[Recommendation]["text"].max_length)
        self.owner = QComboBox()
        self.owner.setObjectName("quick_owner")
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner.setMinimumContentsLength(16)
        self.owner.setAccessibleName(_("Odpowiedzialny"))
        owner_line = self.owner.lineEdit()
        assert owner_line is not None  # an editable combo box has one
        owner_line.setPlaceholderText(_("Kto?"))
        self.due = DateEditor()
        self.due.setObjectName("quick_due")
        self.due.setAccessibleName(_("Termin"))
        self.due.setToolTip(_("Termin wykonania (puste: bez terminu)"))
        self.due.set_value(None)
        self.add_button = QPushButton(_("Dodaj"))
        self.add_button.setToolTip(_("Dodaj zalecenie (Enter)"))
        self.add_button.clicked.connect(self.add)
        for line in (self.text, owner_line):
            line.returnPressed.connect(self.add)
        self.due.installEventFilter(self)  # Enter in the date adds too
        self.error = QLabel()
        self.error.setObjectName("quick_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 4)
        row.addWidget(self.owner, 2)
        row.addWidget(self.due, 0)
        row.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.due
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add()
            return True
        return super().eventFilter(watched, event)

    def set_owners(self, names: list[str]) -> None:
        typed = self.owner.currentText()
        self.owner.clear()
        self.owner.addItems(names)
        self.owner.setEditText(typed)

    def add(self) -> None:
        text = self.text.text()
        try:
            due = self.due.value()
        except UserError as error:
            self._show_error(error.message)
            self.due.setFocus()
            return
        values = {"text": text, "owner": self.owner.currentText(), "due_date": due}
        if not text.strip():
            self._show_error(_("Wpisz treść zalecenia."))
            self.text.setFocus()
            return
        if self.on_add(values):
            self.text.clear()
            self.owner.setEditText("")
            self.due.set_value(None)
            self.error.hide()
            self.text.setFocus()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
