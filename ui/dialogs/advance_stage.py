"""Moving a school to another stage of process support: which stage, from when, notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.i18n import _
from app.model import SupportStage
from app.services.school_support import STAGES
from ui.dialogs.form_rows import FormRows, ok_cancel, save_on_ctrl_enter, stack
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
            _("<b>{school}</b><br>Obecnie: {stage}").format(school=escape(school_name), stage=now)
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        hint = QLabel(_("Poprzedni etap zostanie oznaczony jako zakończony tego dnia."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        hint.setVisible(current is not None)
        self.buttons = ok_cancel(self, _("Zmień etap"))
        save_on_ctrl_enter(self, self.notes)
        stack(self, intro, self.rows.layout, hint, self.buttons)
        self.setMinimumWidth(500)
        self.stage_date.setFocus()

    def accept(self) -> None:
        stage = SupportStage(self.stage.value())
        if self.rows.attempt(lambda: self.save(stage, self.stage_date.value(), self.notes.value())):
            super().accept()
