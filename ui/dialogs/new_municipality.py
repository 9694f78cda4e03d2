"""Creating a municipality: name, kind and TERYT, checked as they are typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.model import Municipality, MunicipalityKind
from app.services import teryt
from app.services.teryt import teryt_problem
from ui.commands import CreateRecord
from ui.context import EditorContext
from ui.dialogs.form_rows import ok_cancel, stack
from ui.widgets.field_error import error_label, show_error, with_error


class NewMunicipalityDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created_id: str | None = None
        self.setWindowTitle(_("Nowa JST"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("np. Gmina Zielonki Wielkie"))
        self.kind = QComboBox()
        for kind in MunicipalityKind:
            self.kind.addItem(kind.label, kind.value)
        self.teryt = QLineEdit()
        self.teryt.setMaxLength(7)
        self.errors = {field: error_label() for field in ("name", "kind", "teryt")}
        form = QFormLayout()
        form.addRow(_("Nazwa *"), with_error(self.name, self.errors["name"]))
        form.addRow(_("Rodzaj JST *"), with_error(self.kind, self.errors["kind"]))
        form.addRow(_("Kod TERYT"), with_error(self.teryt, self.errors["teryt"]))
        intro = QLabel(
            _(
                "Pozostałe dane (zespół, szkoły, kontakt) uzupełnisz potem na stronie "
                "„Zespół i szkoły”."
            )
        )
        intro.setWordWrap(True)
        self.buttons = ok_cancel(self)
        stack(self, form, intro, self.buttons)
        self.name.textEdited.connect(lambda _text: self._check())
        self.teryt.textEdited.connect(lambda _text: self._check())
        self.teryt.editingFinished.connect(lambda: self._check(finished=True))
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()
        self.setMinimumWidth(520)
        self._check()

    def _kind_changed(self) -> None:
        kind = MunicipalityKind(self.kind.currentData())
        self.teryt.setPlaceholderText(_("np. {code}").format(code=teryt.example(kind)))
        self._check(finished=not self.teryt.hasFocus())

    def _check(self, finished: bool = False) -> bool:
        """Validate as the user types; the OK button is enabled only when all is well.

        A code still being typed (fewer digits than the kind needs) is not an
        error yet: its message waits until the field is left.
        """
        problems: dict[str, str] = {}
        if not self.name.text().strip():
            problems["name"] = _("Podaj nazwę JST.") if self.name.isModified() else ""
        code = self.teryt.text().strip()
        if code:
            kind = MunicipalityKind(self.kind.currentData())
            problem = teryt_problem(code, kind)
            typing = code.isdigit() and len(code) < teryt.expected_length(kind) and not finished
            if problem:
                problems["teryt"] = "" if typing and _prefix_fine(code) else problem
        for field, label in self.errors.items():
            label.setText(problems.get(field, ""))
            label.setVisible(bool(problems.get(field)))
        ok = not problems
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def accept(self) -> None:
        if not self._check(finished=True):
            return
        values = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "teryt": self.teryt.text() or None,
            "voivodeship": teryt.voivodeship_of(self.teryt.text()),
        }
        command = CreateRecord(self.context.store, Municipality, None, values, _("utworzenie JST"))
        try:
            from ui.commands import push

            push(self.context.undo_stack, command)
        except UserError as error:
            show_error(self.errors, error, "name")
            return
        self.created_id = command.record_id
        super().accept()


def _prefix_fine(code: str) -> bool:
    """Whether the digits typed so far can still become a good code (its voivodeship exists)."""
    return len(code) < 2 or teryt.voivodeship_of(code) is not None
