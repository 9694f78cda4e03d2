"""The measurements of one indicator, editable in place: a :class:`TableModel` of four columns.

The model never writes to the database: a valid edit goes to ``on_edit``
(the panel turns it into an undoable command); an invalid one goes to
``on_error`` with the core's message, and the old value stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QStyleOptionViewItem, QWidget

from app.errors import UserError
from app.i18n import _
from app.model import Measurement
from app.services import date_text, validation
from app.services.fields import FIELDS
from ui.formatting import show_date, show_number
from ui.models.table import RIGHT, Column, TableModel, no_tip
from ui.widgets.cell_delegate import CellDelegate
from ui.widgets.date_edit import date_cell_editor

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[str, str, Any, Any], None]  # (measurement id, field, old, new)
ErrorHandler = Callable[[UserError], None]

# Columns, and the field each one edits.
DATE, VALUE, SOURCE, COMMENT = range(4)
FIELD_NAMES = ("measured_on", "value", "source", "comment")
VALUE_LIMIT = 1e12
MAX_DECIMALS = 6


@dataclass(frozen=True)
class MeasurementRow:
    id: str
    measured_on: date
    value: float
    source: str | None
    comment: str | None

    @classmethod
    def of(cls, measurement: Measurement) -> MeasurementRow:
        return cls(
            measurement.id,
            measurement.measured_on,
            measurement.value,
            measurement.source,
            measurement.comment,
        )


def headers() -> list[str]:
    return [_(FIELDS[Measurement][name].label) for name in FIELD_NAMES]


def _field(field: str) -> Callable[[MeasurementRow], Any]:
    return lambda row: getattr(row, field)


def _shown(field: str) -> Callable[[MeasurementRow], str]:
    return lambda row: _display(getattr(row, field))


def _full_text(field: str) -> Callable[[MeasurementRow], str | None]:
    """A source's or comment's tooltip: the whole text, however short."""
    return lambda row: getattr(row, field) or None


class MeasurementTableModel(TableModel[MeasurementRow]):
    """Rows oldest first; an edit is validated and handed to ``on_edit``."""

    def __init__(
        self, on_edit: EditHandler | None = None, on_error: ErrorHandler | None = None
    ) -> None:
        self.on_edit = on_edit
        super().__init__(self._columns(), on_error=on_error)

    def _columns(self) -> list[Column[MeasurementRow]]:
        titles = headers()
        columns: list[Column[MeasurementRow]] = []
        for position, field in enumerate(FIELD_NAMES):
            columns.append(
                Column(
                    titles[position],
                    _field(field),
                    display=_shown(field),
                    align=RIGHT if position == VALUE else None,
                    sort=(lambda r: r.measured_on.isoformat()) if position == DATE else None,
                    tooltip=_full_text(field) if position in (SOURCE, COMMENT) else no_tip,
                    edit=self._editor_of(field) if self.on_edit is not None else None,
                )
            )
        return columns

    def set_measurements(self, measurements: Sequence[Measurement]) -> None:
        self.set_rows([MeasurementRow.of(m) for m in measurements])

    def clear(self) -> None:
        self.set_rows([])

    def _editor_of(self, field: str) -> Callable[[MeasurementRow, Any], None]:
        def edit(row: MeasurementRow, value: Any) -> None:
            new = clean(field, value)
            old = getattr(row, field)
            if new == old or self.on_edit is None:
                return
            self.on_edit(row.id, field, old, new)
            self._rows[self.row_of(row.id)] = replace(row, **{field: new})

        return edit


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return show_date(value)
    if isinstance(value, float | int):
        return show_number(value)
    return " ".join(str(value).split())  # one line in a table cell


def clean(field: str, value: Any) -> Any:
    """The value for ``field`` as the core stores it, or the core's UserError."""
    if isinstance(value, QDate):
        value = date(value.year(), value.month(), value.day()) if value.isValid() else None
    elif isinstance(value, str) and field == "value":
        value = _parse_number(value)
    elif isinstance(value, str) and field == "measured_on":
        value = _parse_date(value)
    return validation.clean_value(field, FIELDS[Measurement][field], value)


def _parse_number(text: str) -> float | str:
    stripped = text.strip().replace("\u00a0", "").replace(" ", "")
    number, ok = QLocale().toDouble(stripped)
    if ok:
        return number
    try:
        return float(stripped.replace(",", "."))
    except ValueError:
        return text  # the core explains what is wrong with it


def _parse_date(text: str) -> date | None:
    spec = FIELDS[Measurement]["measured_on"]
    return date_text.parse(text, label=_(spec.label))


def decimals_for(value: float | None) -> int:
    """Enough decimals to show ``value`` unchanged (at least 2, at most 6)."""
    if value is None:
        return 2
    for places in range(2, MAX_DECIMALS + 1):
        if abs(round(value, places) - value) < 1e-9:
            return places
    return MAX_DECIMALS


class MeasurementDelegate(CellDelegate):
    """A calendar date editor for dates and a number box for values; text otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == DATE:
            return date_cell_editor(parent)
        if column == VALUE:
            spin = QDoubleSpinBox(parent)
            spin.setFrame(False)
            spin.setRange(-VALUE_LIMIT, VALUE_LIMIT)
            spin.setDecimals(decimals_for(index.data(Qt.ItemDataRole.EditRole)))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        line = QLineEdit(parent)
        line.setFrame(False)
        line.setMaxLength(FIELDS[Measurement][FIELD_NAMES[column]].max_length)
        return line
