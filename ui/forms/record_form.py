"""A form over one record, built from the core's field specifications.

Each edit is validated as it is made (the message appears under the field, in
the user's language) and handed to ``on_edit`` to be saved as an undoable
command. Invalid text stays in the field so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app import units
from app.errors import UserError
from app.i18n import _
from app.model import Record
from app.services import validation
from app.services.fields import FIELDS, Field
from ui.forms.editors import (
    ChecklistEditor,
    ChoiceEditor,
    DateEditor,
    FlagEditor,
    IntEditor,
    LineEditor,
    NumberEditor,
    SuggestEditor,
    TextEditor,
    enum_choices,
)
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_error import error_label, with_error

EditHandler = Callable[[str, Any, Any], None]

FIELD_ROOM = 260  # the least a field beside its label keeps; narrower, labels go above


class RecordForm(QWidget):
    """Editors for ``fields`` of ``cls``; ``load`` shows a record, edits go to ``on_edit``."""

    edited = Signal(str)

    def __init__(
        self,
        cls: type[Record],
        fields: Sequence[str],
        on_edit: EditHandler,
        parent: QWidget | None = None,
        choices: dict[str, Callable[[], Sequence[tuple[Any, str]]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.cls = cls
        self.specs: dict[str, Field] = {name: FIELDS[cls][name] for name in fields}
        self.on_edit = on_edit
        self.choices = choices or {}
        self.editors: dict[str, Any] = {}
        self.errors: dict[str, QLabel] = {}
        self.values: dict[str, Any] = {}
        self.record_id: str | None = None
        self._loading = False
        self._committing = False
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.auto_wrap = True  # labels go above the fields when the form is narrow
        for name, spec in self.specs.items():
            self._add_row(name, spec)

    # -- building ---------------------------------------------------------------

    def _add_row(self, name: str, spec: Field) -> None:
        editor = self._make_editor(name, spec)
        editor.setObjectName(f"field_{name}")
        editor.setAccessibleName(_(spec.label))
        editor.committed.connect(lambda name=name: self._commit(name))
        error = error_label()
        error.setObjectName(f"error_{name}")
        cell = with_error(editor, error)
        label = "" if spec.kind == "bool" else _(spec.label) + (" *" if spec.required else "")
        self.layout_.addRow(label, cell)
        if isinstance(editor, DateEdit):
            editor.field = name
            editor.problem_changed.connect(lambda text, name=name: self._problem(name, text))
            editor.neighbour = self._last_date_editor()  # an end opens near its start
        self.editors[name] = editor
        self.errors[name] = error

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap_when_narrow()

    def set_row_wrap(self, policy: QFormLayout.RowWrapPolicy) -> None:
        """Keep ``policy`` whatever the width (the form no longer chooses by itself)."""
        self.auto_wrap = False
        self.layout_.setRowWrapPolicy(policy)

    def _wrap_when_narrow(self) -> None:
        """Labels above their fields when beside them a field would be too narrow to read
        (the form in a narrow column at 125 %), beside them when there is room."""
        if not self.auto_wrap:
            return
        labels = [
            self.layout_.itemAt(row, QFormLayout.ItemRole.LabelRole)
            for row in range(self.layout_.rowCount())
        ]
        widest = max((item.sizeHint().width() for item in labels if item is not None), default=0)
        margins = self.layout_.contentsMargins()
        room = self.width() - widest - margins.left() - margins.right()
        wrap = room - self.layout_.horizontalSpacing() < FIELD_ROOM
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if wrap
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        if self.layout_.rowWrapPolicy() != policy:
            self.layout_.setRowWrapPolicy(policy)

    def _last_date_editor(self) -> DateEdit | None:
        dates = [e for e in self.editors.values() if isinstance(e, DateEdit)]
        return dates[-1] if dates else None

    def _problem(self, name: str, text: str) -> None:
        if text:
            self.show_error(name, text)
        else:
            self.clear_error(name)

    def _make_editor(self, name: str, spec: Field) -> Any:
        if name.endswith("_cents"):
            return NumberEditor(2, " " + _("zł"))
        if name == "unit" and spec.kind == "text":
            # The catalogue's units agree with numbers in the documents; others may be typed.
            return SuggestEditor(spec.max_length, units.labels())
        if spec.kind in ("codes", "ids"):
            editor = ChecklistEditor()
            provider = self.choices.get(name)
            if provider is not None:
                editor.set_choices([(str(v), label) for v, label in provider()])
            return editor
        if name in self.choices or spec.kind == "ref":
            provider = self.choices.get(name, lambda: [])
            return ChoiceEditor(provider(), allow_empty=not spec.required)
        kinds: dict[str, Callable[[], Any]] = {
            "text": lambda: LineEditor(spec.max_length),
            "time": lambda: time_editor(),
            "long": lambda: TextEditor(spec.max_length),
            "int": lambda: IntEditor(spec.minimum, spec.maximum),
            "float": lambda: NumberEditor(2),
            "date": lambda: DateEditor(
                first_year=int(spec.minimum) if spec.minimum is not None else None
            ),
            "bool": lambda: FlagEditor(_(spec.label)),
        }
        if spec.kind == "enum":
            assert spec.enum is not None
            return ChoiceEditor(enum_choices(spec.enum), allow_empty=not spec.required)
        return kinds[spec.kind]()

    def refresh_choices(self) -> None:
        for name, provider in self.choices.items():
            editor = self.editors.get(name)
            if isinstance(editor, ChoiceEditor):
                editor.set_choices(provider(), allow_empty=not self.specs[name].required)
            elif isinstance(editor, ChecklistEditor):
                editor.set_choices([(str(v), label) for v, label in provider()])

    # -- values -------------------------------------------------------------------

    def load(self, record: Record | None) -> None:
        """Show ``record`` (or clear the form); pending typing of the previous one is saved."""
        if record is not None and record.id == self.record_id:
            self.sync(record)
            return
        self.flush()
        self._loading = True
        try:
            self.record_id = record.id if record is not None else None
            self.setEnabled(record is not None)
            for name, editor in self.editors.items():
                value = getattr(record, name, None) if record is not None else None
                self.values[name] = value
                editor.set_value(self._to_editor(name, value))
                self.clear_error(name)
        finally:
            self._loading = False

    def sync(self, record: Record) -> None:
        """Show changes made elsewhere (undo, redo) without disturbing unchanged fields."""
        if record.id != self.record_id:
            self.load(record)
            return
        self._loading = True
        try:
            for name, editor in self.editors.items():
                value = getattr(record, name, None)
                if not _same(value, self.values.get(name)):
                    self.values[name] = value
                    editor.set_value(self._to_editor(name, value))
                    self.clear_error(name)
        finally:
            self._loading = False

    def flush(self) -> None:
        """Save whatever is being typed now (before switching records or closing)."""
        for editor in self.editors.values():
            flush = getattr(editor, "flush", None)
            if flush is not None:
                flush()

    def editor_value(self, name: str) -> Any:
        editor = self.editors[name]
        if isinstance(editor, IntEditor | NumberEditor):
            raw = editor.value_or_none()
        else:
            raw = editor.value()
        return self._from_editor(name, raw)

    def _to_editor(self, name: str, value: Any) -> Any:
        if name.endswith("_cents") and value is not None:
            return value / 100
        return value

    def _from_editor(self, name: str, value: Any) -> Any:
        if name.endswith("_cents") and value is not None:
            return round(value * 100)
        return value

    # -- saving ---------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        if self._loading or self._committing or self.record_id is None:
            return
        self._committing = True
        try:
            self._save(name)
        finally:
            self._committing = False

    def _save(self, name: str) -> None:
        spec = self.specs[name]
        old = self.values.get(name)
        try:
            cleaned = validation.clean_value(name, spec, self.editor_value(name))
        except UserError as error:
            if not getattr(self.editors[name], "typing", False):  # not mid-word: say it now
                self.show_error(name, error.message)
            return
        if _same(cleaned, old):
            self.clear_error(name)
            return
        self.values[name] = cleaned  # before saving: listeners may reload this form
        try:
            self.on_edit(name, _plain(old), _plain(cleaned))
        except UserError as error:
            self.values[name] = old
            if not getattr(self.editors[name], "typing", False):
                self.show_error(error.field if error.field in self.errors else name, error.message)
            return
        self.clear_error(name)
        self.edited.emit(name)

    def show_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.setText(message)
            label.show()

    def clear_error(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.clear()
            label.hide()

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


def time_editor() -> LineEditor:
    """A time of day typed as GG:MM (9:30, 13.05); the core checks and normalises it."""
    editor = LineEditor(5)
    editor.setPlaceholderText(_("GG:MM"))
    editor.setMaximumWidth(editor.fontMetrics().horizontalAdvance("00:00") * 3)
    return editor


def _plain(value: Any) -> Any:
    return (
        getattr(value, "value", value) if value is not None and hasattr(value, "label") else value
    )


def _same(a: Any, b: Any) -> bool:
    return bool(_plain(a) == _plain(b))
