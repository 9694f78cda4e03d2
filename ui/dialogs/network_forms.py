"""Small dialogs of the "Sieci i spotkania" page, built from the core's field specs.

A dialog shows one editor per field (the kind of editor follows the field's
spec), calls a core service on OK, and on a :class:`UserError` shows the Polish
message under the field at fault and stays open: nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.errors import UserError
from app.i18n import _
from app.model import Record
from app.services.fields import FIELDS, Field
from ui.dialogs.form_rows import FormRows, save_on_ctrl_enter
from ui.forms.editors import (
    ChecklistEditor,
    ChoiceEditor,
    DateEditor,
    FlagEditor,
    IntEditor,
    LineEditor,
    NumberEditor,
    TextEditor,
    enum_choices,
)

Choices = Sequence[tuple[Any, str]]
Save = Callable[[dict[str, Any]], Any]


def editor_for(spec: Field, choices: Choices | None = None) -> QWidget:
    """The editor a field's kind calls for (``choices`` for a reference or a checklist)."""
    if spec.kind == "long":
        return TextEditor(spec.max_length)
    if spec.kind == "int":
        return IntEditor(spec.minimum, spec.maximum)
    if spec.kind == "float":
        return NumberEditor(1)
    if spec.kind == "date":
        return DateEditor()
    if spec.kind == "bool":
        return FlagEditor(_(spec.label))
    if spec.kind == "enum" and spec.enum is not None:
        return ChoiceEditor(choices or enum_choices(spec.enum), allow_empty=not spec.required)
    if spec.kind == "ref" or (spec.kind == "text" and choices is not None):
        return ChoiceEditor(choices or [], allow_empty=not spec.required)
    if spec.kind == "codes":
        editor = ChecklistEditor()
        editor.set_choices([(str(code), label) for code, label in choices or []])
        return editor
    return LineEditor(spec.max_length)


def value_of(editor: QWidget) -> Any:
    if isinstance(editor, IntEditor | NumberEditor):
        return editor.value_or_none()
    if isinstance(editor, LineEditor | TextEditor | DateEditor | ChoiceEditor | FlagEditor):
        return editor.value()
    if isinstance(editor, ChecklistEditor):
        return editor.value()
    raise TypeError(editor)


class RecordDialog(QDialog):
    """Fields of ``cls`` named in ``names``; OK calls ``save`` with their values."""

    def __init__(
        self,
        title: str,
        cls: type[Record],
        names: Sequence[str],
        save: Save,
        *,
        choices: Mapping[str, Choices] | None = None,
        values: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("record_dialog")
        self.save = save
        self.result_record: Any = None
        self.rows = FormRows(names[0])
        self.editors: dict[str, QWidget] = {}
        specs = FIELDS[cls]
        for name in names:
            spec = specs[name]
            editor = editor_for(spec, (choices or {}).get(name))
            if hasattr(editor, "set_value") and not isinstance(editor, ChoiceEditor):
                # Blank by default: a fresh date or number editor would show a value.
                editor.set_value((values or {}).get(name))
            elif values and name in values and isinstance(editor, ChoiceEditor):
                editor.set_value(values[name])
            label = _(spec.label) + (" *" if spec.required else "")
            self.rows.add(name, label if spec.kind != "bool" else "", editor)
            self.editors[name] = editor
            if isinstance(editor, TextEditor):  # two lines at least: long forms fit 1366×768
                editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 2 + 14)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows.layout)
        layout.addWidget(buttons)
        save_on_ctrl_enter(self, *[e for e in self.editors.values() if isinstance(e, TextEditor)])
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        return {name: value_of(editor) for name, editor in self.editors.items()}

    def accept(self) -> None:
        try:
            self.result_record = self.save(self.values())
        except UserError as error:
            field = self.rows.show(error)
            self.editors.get(field, next(iter(self.editors.values()))).setFocus()
            return
        super().accept()
