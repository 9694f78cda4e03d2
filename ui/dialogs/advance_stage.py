"""Moving a school to another stage of process support: which stage, from when, notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.errors import UserError
from app.i18n import _
from app.model import SupportStage
from app.services.school_support import STAGES
from ui.dialogs.form_rows import FormRows, save_on_ctrl_enter
from ui.forms.editors import ChoiceEditor, DateEditor, TextEditor

Save = Callable[[SupportStage, date | None, str], None]


class AdvanceStageDialog(QDialog):
    """Ask for the new stage (the next one proposed), its date and notes; ``save`` does it."""

    def __init__(
        self,
        school_name: str,
        current: SupportStage | None,
        proposed: SupportStage | None,
        save: Save,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(_("Zmiana etapu wspomagania"))
        self.rows = FormRows("stage")
        choices = [(s.value, s.label) for s in STAGES if s is not current]
        self.stage = ChoiceEditor(choices, allow_empty=False)
        self.stage.set_value((proposed or STAGES[0]).value)
        self.stage_date = DateEditor()
        self.stage_date.set_value(today or date.today())
        self.notes = TextEditor(100_000)
        self.notes.setPlaceholderText(_("np. Rada pedagogiczna przyjęła plan wspomagania"))
        self.notes.setMaximumHeight(110)
        self.rows.add("stage", _("Nowy etap *"), self.stage)
        self.rows.add("stage_date", _("Od dnia *"), self.stage_date)
        self.rows.add("notes", _("Uwagi"), self.notes)
        now = current.label if current is not None else _("nieobjęta wspomaganiem")
        intro = QLabel(
            _("<b>{school}</b><br>Obecnie: {stage}").format(school=_escape(school_name), stage=now)
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        hint = QLabel(_("Poprzedni etap zostanie oznaczony jako zakończony tego dnia."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        hint.setVisible(current is not None)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Zmień etap"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_on_ctrl_enter(self, self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.rows.layout)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self.stage_date.setFocus()

    def accept(self) -> None:
        try:
            self.save(SupportStage(self.stage.value()), self.stage_date.value(), self.notes.value())
        except UserError as error:
            self.rows.show(error)
            return
        super().accept()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
