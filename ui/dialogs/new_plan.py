"""A new strategic plan: its title and years are asked before anything is created."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QSpinBox, QWidget

from app.errors import UserError
from app.i18n import _
from app.model import StrategicPlan
from ui.commands import CreateRecord, push
from ui.context import EditorContext
from ui.dialogs.form_rows import FormRows, ok_cancel, stack
from ui.forms.editors import LineEditor

DEFAULT_YEARS = 5
FIRST_YEAR, LAST_YEAR = 2000, 2100


class NewPlanDialog(QDialog):
    """Title, first and last year; OK creates the plan (one undoable step)."""

    def __init__(
        self,
        context: EditorContext,
        municipality_id: str,
        municipality_name: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.municipality_id = municipality_id
        self.municipality_name = municipality_name
        self.created_id: str | None = None
        self.setWindowTitle(_("Nowy plan rozwoju oświaty"))
        year = (today or date.today()).year
        self.year_from = _year_box(year)
        self.year_to = _year_box(year + DEFAULT_YEARS - 1)
        self.title = LineEditor(500)
        self._auto_title = self._suggested_title()
        self.title.setText(self._auto_title)
        self.rows = FormRows("title")
        self.rows.add("title", _("&Tytuł *"), self.title)
        self.rows.add("year_from", _("&Od roku *"), self.year_from)
        self.rows.add("year_to", _("&Do roku *"), self.year_to)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(lambda _year: self._follow_years())
        self.buttons = ok_cancel(self, _("Utwórz plan"))
        stack(self, self.rows.layout, self.buttons)
        self.setMinimumWidth(520)
        self.title.setFocus()
        self.title.selectAll()

    def _suggested_title(self) -> str:
        return _("Plan rozwoju oświaty — {name} na lata {start}–{end}").format(
            name=self.municipality_name, start=self.year_from.value(), end=self.year_to.value()
        )

    def _follow_years(self) -> None:
        """A title nobody has changed keeps naming the chosen years."""
        if self.title.text() == self._auto_title:
            self._auto_title = self._suggested_title()
            self.title.setText(self._auto_title)

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "year_from": self.year_from.value(),
            "year_to": self.year_to.value(),
        }

    def accept(self) -> None:
        self.rows.clear()
        command = CreateRecord(
            self.context.store,
            StrategicPlan,
            self.municipality_id,
            self.values(),
            _("utworzenie planu"),
        )
        try:
            push(self.context.undo_stack, command)
        except UserError as error:
            self.rows.show(error)
            return
        self.created_id = command.record_id
        super().accept()


def _year_box(year: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(FIRST_YEAR, LAST_YEAR)
    box.setValue(year)
    return box
