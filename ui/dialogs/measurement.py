"""Recording a measurement of an indicator: date, value, source and comment.

The dialog shows where the indicator stands (status, latest measurement,
target) and hands the values to ``save``; a UserError from the core appears
under the field at fault and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app import units
from app.i18n import _
from app.model import Indicator
from app.services.indicators import IndicatorState
from ui.dialogs.form_rows import FormRows, ok_cancel, save_on_ctrl_enter, stack
from ui.formatting import show_date
from ui.forms.editors import DateEditor, LineEditor, NumberEditor, TextEditor
from ui.models.indicators import progress_text, with_unit

Save = Callable[[dict[str, Any]], None]


class MeasurementDialog(QDialog):
    def __init__(
        self,
        indicator: Indicator,
        state: IndicatorState,
        save: Save,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.save = save
        self.setWindowTitle(_("Nowy pomiar wskaźnika"))
        self.rows = FormRows("value")
        self.measured_on = DateEditor()
        self.measured_on.set_value(today or date.today())
        suffix = f" {units.axis_label(indicator.unit)}" if indicator.unit else ""
        self.value = NumberEditor(2, suffix)
        latest = state.latest.value if state.latest is not None else indicator.baseline_value
        self.value.set_value(latest if latest is not None else 0.0)
        self.source = LineEditor(300)
        self.source.set_value(indicator.data_source)
        self.comment = TextEditor(100_000)
        self.comment.setMaximumHeight(80)
        self.rows.add("measured_on", _("Data pomiaru *"), self.measured_on)
        self.rows.add("value", _("Wartość *"), self.value)
        self.rows.add("source", _("Źródło"), self.source)
        self.rows.add("comment", _("Komentarz"), self.comment)
        self.buttons = ok_cancel(self, _("Zapisz pomiar"))
        save_on_ctrl_enter(self, self.comment)
        stack(self, self._summary(state), self.rows.layout, self.buttons)
        self.setMinimumWidth(520)
        self.value.setFocus()
        self.value.selectAll()

    def _summary(self, state: IndicatorState) -> QLabel:
        indicator = self.indicator
        lines = [f"<b>{escape(indicator.name)}</b>"]
        lines.append(
            _("Stan: {status} — {progress}").format(
                status=state.status.label, progress=progress_text(state)
            )
        )
        if state.latest is not None:
            lines.append(
                _("Ostatni pomiar: {value} z dnia {date}").format(
                    value=with_unit(state.latest.value, indicator.unit),
                    date=show_date(state.latest.measured_on),
                )
            )
        if indicator.target_value is not None:
            target = with_unit(indicator.target_value, indicator.unit)
            if indicator.target_date is not None:
                target += " " + _("do {date}").format(date=show_date(indicator.target_date))
            lines.append(_("Wartość docelowa: {target}").format(target=escape(target)))
        summary = QLabel("<br>".join(lines))
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        return summary

    def values(self) -> dict[str, Any]:
        return {
            "measured_on": self.measured_on.value(),
            "value": self.value.value_or_none(),
            "source": self.source.value(),
            "comment": self.comment.value(),
        }

    def accept(self) -> None:
        if self.rows.attempt(lambda: self.save(self.values())):
            super().accept()
