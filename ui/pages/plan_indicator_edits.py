"""The indicators panel's edits: indicators and measurements added, changed and deleted.

Every edit is an undoable command on the context's undo stack;
:class:`ui.pages.plan_indicators.IndicatorsPanel` builds what these act on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from app.errors import UserError
from app.i18n import _
from app.model import Indicator, Measurement
from app.services.fields import FIELDS
from ui.commands import CreateRecord, DeleteRecord, EditRecord, push
from ui.formatting import show_date
from ui.forms.record_form import RecordForm
from ui.models.indicators import IndicatorRow, IndicatorTableModel
from ui.models.measurements import VALUE, MeasurementTableModel
from ui.pages.base import LiveView
from ui.reference_day import ReferenceDay
from ui.widgets.tables import EditingTable


class IndicatorEdits(LiveView, ReferenceDay):
    """The edits of the indicators panel, which sets these attributes."""

    plan_id: str | None
    model: IndicatorTableModel
    form: RecordForm
    measurements: MeasurementTableModel
    measurement_table: EditingTable
    measurement_error: QLabel

    def _current_row(self) -> IndicatorRow | None:
        current = self.current_id()
        return self.model.find(current) if current else None

    def _edit_indicator(self, field: str, old: Any, new: Any) -> None:
        assert self.context is not None and self.form.record_id is not None
        label = _(FIELDS[Indicator][field].label)
        command = EditRecord(
            self.context.store,
            Indicator,
            self.form.record_id,
            {field: old},
            {field: new},
            _("zmianę pola „{field}”").format(field=label),
        )
        push(self.context.undo_stack, command)  # a UserError goes back to the form

    def add_indicator(self) -> None:
        if self.context is None or self.plan_id is None or self.municipality_id is None:
            return
        self.flush()
        command = CreateRecord(
            self.context.store,
            Indicator,
            self.municipality_id,
            {"name": _("Nowy wskaźnik"), "plan_id": self.plan_id},
            _("dodanie wskaźnika"),
        )
        if not self.context.run(command) or command.record_id is None:
            return
        self.refresh()
        self.select(command.record_id)
        name = self.form.editors["name"]
        name.setFocus()
        name.selectAll()

    def delete_indicator(self) -> None:
        row = self._current_row()
        if row is None or self.context is None:
            return
        self.flush()
        name = row.indicator.name
        if self.delete_with_confirm(
            _("Usuwanie wskaźnika"),
            _(
                "Usunąć wskaźnik „{name}” razem z jego pomiarami?\n\n"
                "Można to cofnąć poleceniem Edycja → Cofnij (Ctrl+Z)."
            ).format(name=name),
            Indicator,
            row.indicator.id,
            _("usunięcie wskaźnika „{name}”").format(name=name),
        ):
            self.refresh()

    def add_measurement(self) -> None:
        row = self._current_row()
        if row is None or self.context is None:
            return
        self.flush()
        latest = row.state.latest
        value = latest.value if latest is not None else row.indicator.baseline_value
        command = CreateRecord(
            self.context.store,
            Measurement,
            row.indicator.id,
            {"measured_on": self.today, "value": value if value is not None else 0.0},
            _("dodanie pomiaru"),
        )
        if not self.context.run(command) or command.record_id is None:
            return
        self.refresh()
        self._edit_value_of(command.record_id)

    def _edit_value_of(self, measurement_id: str) -> None:
        position = self.measurements.row_of(measurement_id)
        if position < 0:
            return
        index = self.measurements.index(position, VALUE)
        self.measurement_table.setCurrentIndex(index)
        self.measurement_table.scrollTo(index)
        self.measurement_table.setFocus()
        self.measurement_table.edit(index)

    def delete_measurement(self) -> None:
        index = self.measurement_table.currentIndex()
        row = self.measurements.row_at(index.row()) if index.isValid() else None
        if row is None or self.context is None:
            return
        command = DeleteRecord(
            self.context.store,
            Measurement,
            row.id,
            _("usunięcie pomiaru z dnia {date}").format(date=show_date(row.measured_on)),
        )
        if self.context.run(command):
            self.refresh()

    def _edit_measurement(self, measurement_id: str, field: str, old: Any, new: Any) -> None:
        """Called by the measurement model; a UserError goes back to it (and is shown)."""
        if self.context is None:
            raise UserError(_("Nie wybrano planu."))
        label = _(FIELDS[Measurement][field].label)
        command = EditRecord(
            self.context.store,
            Measurement,
            measurement_id,
            {field: old},
            {field: new},
            _("zmianę pomiaru: {field}").format(field=label),
            mergeable=False,
        )
        push(self.context.undo_stack, command)
        self._clear_measurement_error()

    def _measurement_failed(self, error: UserError) -> None:
        self.measurement_error.setText(error.message)
        self.measurement_error.show()

    def _clear_measurement_error(self) -> None:
        self.measurement_error.clear()
        self.measurement_error.hide()
