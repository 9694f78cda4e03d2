"""An action's term typed the way a plan states it: "III kw. 2025", "2025/2026", "corocznie, …".

One line; on Enter or leaving the field the text is read by
:func:`app.services.terms.parse` and saved as one undoable edit of the
action's start, end, precision and recurrence. A wrong term gets a Polish
message under the field and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.errors import UserError
from app.i18n import _
from app.model import Action
from app.services import terms
from ui.widgets.field_error import error_label

SaveTerm = Callable[[dict[str, Any], dict[str, Any]], None]


class TermField(QWidget):
    def __init__(self, save: SaveTerm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.edit = QLineEdit()
        self.edit.setObjectName("field_term")
        self.edit.setAccessibleName(_("Termin realizacji"))
        self.edit.setPlaceholderText(_("np. III kw. 2025, 2025/2026, corocznie, IV kw. 2025–2030"))
        self.edit.setToolTip(
            _(
                "Dzień (15.03.2025), miesiąc (03.2025), kwartał (III kw. 2025), rok szkolny "
                "(2025/2026), rok (2025), zakres (I kw. 2025 – IV kw. 2026) albo zadanie "
                "coroczne (corocznie, IV kw. 2025–2030)."
            )
        )
        self.edit.editingFinished.connect(self.commit)
        self.error = error_label()
        self.error.setObjectName("error_term")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.edit)
        box.addWidget(self.error)
        self.old: dict[str, Any] = {}
        self.shown = ""

    def load(self, action: Action | None) -> None:
        self.error.hide()
        if action is None:
            self.old, self.shown = {}, ""
        else:
            self.old = {
                "start_date": action.start_date,
                "end_date": action.end_date,
                "term_precision": action.term_precision.value,
                "recurring": bool(action.recurring),
            }
            self.shown = terms.label(
                action.start_date, action.end_date, action.term_precision, action.recurring
            )
        self.edit.setText(self.shown)
        self.setEnabled(action is not None)

    def commit(self) -> None:
        typed = self.edit.text()
        if typed.strip() == self.shown.strip() or not self.old:
            self.error.hide()
            return
        try:
            term = terms.parse(typed)
            new: dict[str, Any] = (
                {"start_date": None, "end_date": None, "term_precision": "day", "recurring": False}
                if term is None
                else {**term.values(), "term_precision": term.precision.value}
            )
            self.save(self.old, new)
        except UserError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.error.hide()
        self.old = new
        self.shown = (
            typed
            if term is None
            else terms.label(term.start, term.end, term.precision, term.recurring)
        )
        self.edit.setText(self.shown)

    def error_text(self) -> str:
        return "" if self.error.isHidden() else self.error.text()
