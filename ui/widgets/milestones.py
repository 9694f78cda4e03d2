"""An indicator's milestones (interim values due by a date), listed with a form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.model import Indicator, IndicatorMilestone
from ui.context import EditorContext
from ui.formatting import show_date, show_number
from ui.models.records import Column
from ui.widgets.record_panel import RecordPanel


class MilestonesPanel(RecordPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            IndicatorMilestone,
            [
                Column("due_date", _("Termin"), show_date),
                Column("value", _("Wartość"), show_number),
            ],
            ("due_date", "value"),
            noun=_("kamień milowy"),
            new_values=self._new_values,
            parent=parent,
            scroll_form=False,  # the indicator's form scrolls as a whole
        )
        self.setObjectName("milestones_panel")
        self.splitter.setOrientation(Qt.Orientation.Vertical)  # no sideways scrolling
        self.setMinimumHeight(180)
        self.indicator: Indicator | None = None

    def show_indicator(self, context: EditorContext | None, indicator: Indicator | None) -> None:
        self.indicator = indicator
        if context is None:
            return
        record_id = indicator.id if indicator is not None else None
        self.show_parent(context, record_id, indicator_id=record_id or "")

    def _new_values(self) -> dict[str, Any]:
        """Halfway between the baseline and the target, by date and value."""
        indicator = self.indicator
        assert indicator is not None
        start = indicator.baseline_date or date.today()
        end = indicator.target_date or date(start.year + 2, start.month, 1)
        due = start + (end - start) / 2 if end > start else end
        low = indicator.baseline_value or 0.0
        high = indicator.target_value if indicator.target_value is not None else low
        return {"due_date": due, "value": round((low + high) / 2, 2)}
