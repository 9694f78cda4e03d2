"""Forms whose dates are months (HDR periods and items), with warnings beside the fields.

A month is edited as ``MM.RRRR`` and stored as the first day of the month. A
warning (an item outside the HDR's period, say) is shown under the field in
amber: unlike an error it never stops the value from being saved.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

from app.model import Record
from app.services.date_text import Precision
from app.services.fields import Field
from ui.forms.record_form import EditHandler, RecordForm
from ui.widgets.date_edit import DateEdit

WARNING_STYLE = "color: #8a5300;"


class MonthEditor(DateEdit):
    """A month and year (``09.2026``), stored as the first day of the month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Precision.MONTH, parent)


class MonthRecordForm(RecordForm):
    """A :class:`RecordForm` that edits ``months`` with :class:`MonthEditor`."""

    def __init__(
        self,
        cls: type[Record],
        fields: Sequence[str],
        on_edit: EditHandler,
        months: Collection[str],
        parent: QWidget | None = None,
        choices: dict[str, Callable[[], Sequence[tuple[Any, str]]]] | None = None,
    ) -> None:
        self._months = set(months)  # read by _make_editor, which the base calls
        self.warnings: dict[str, QLabel] = {}
        super().__init__(cls, fields, on_edit, parent, choices)

    def _make_editor(self, name: str, spec: Field) -> Any:
        if name in self._months:
            return MonthEditor()
        return super()._make_editor(name, spec)

    def set_warning(self, name: str, text: str) -> None:
        """Show (or with an empty ``text`` hide) a warning under the field ``name``."""
        label = self.warnings.get(name)
        if label is None:
            if not text:
                return
            label = QLabel()
            label.setObjectName(f"warning_{name}")
            label.setStyleSheet(WARNING_STYLE)
            label.setWordWrap(True)
            cell = self.editors[name].parentWidget()
            cell.layout().addWidget(label)
            self.warnings[name] = label
        label.setText(text)
        label.setVisible(bool(text))

    def warning_text(self, name: str) -> str:
        label = self.warnings.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def complete_with(self, name: str, words: Sequence[str]) -> None:
        """Offer ``words`` (team members' names, say) while typing into a one-line field."""
        editor = self.editors.get(name)
        if isinstance(editor, QLineEdit):
            completer = QCompleter(list(words), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
