"""An action's financing rows (year × source × planned and spent) with the action's total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.changes import Change
from app.errors import UserError
from app.i18n import _
from app.model import ActionFunding, StrategicPlan
from app.services import funding, records
from app.services.strategy_rules import plan_of_action
from ui.context import EditorContext
from ui.formatting import show_money
from ui.models.records import Column
from ui.widgets.record_panel import RecordPanel

FIELDS = ("year", "source_id", "planned_cents", "spent_cents", "note")


class FinancingEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.municipality_id: str | None = None
        self.action_id: str | None = None
        self._names: dict[str, str] = {}
        self.panel = RecordPanel(
            ActionFunding,
            [
                Column("year", _("Rok")),
                Column("source_id", _("Źródło"), lambda v: self._names.get(v, "")),
                Column("planned_cents", _("Plan"), show_money),
                Column("spent_cents", _("Wydano"), show_money),
                Column("note", _("Uwagi")),
            ],
            FIELDS,
            noun=_("wiersz finansowania"),
            new_values=self._new_values,
            choices={"source_id": self._source_choices},
            scroll_form=False,  # the action's detail scrolls as a whole
        )
        self.panel.setObjectName("financing_panel")
        self.panel.splitter.setOrientation(Qt.Orientation.Vertical)
        self.panel.setMinimumHeight(360)
        self.total = QLabel()
        self.total.setObjectName("financing_total")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.panel)
        box.addWidget(self.total)

    def show_action(
        self, context: EditorContext, municipality_id: str | None, action_id: str | None
    ) -> None:
        self.context, self.municipality_id, self.action_id = context, municipality_id, action_id
        self._refresh_names()
        self.panel.show_parent(context, action_id, action_id=action_id or "")
        self._show_total()

    def _refresh_names(self) -> None:
        if self.context is not None and self.municipality_id is not None:
            self._names = dict(funding.source_names(self.context.store, self.municipality_id))

    def _source_choices(self) -> list[tuple[Any, str]]:
        if self.context is None or self.municipality_id is None:
            return []
        return [(s.id, s.name) for s in funding.sources(self.context.store, self.municipality_id)]

    def _new_values(self) -> dict[str, Any]:
        assert self.context is not None and self.action_id is not None
        rows = funding.rows_of(self.context.store, self.action_id)
        sources = self._source_choices()
        with self.context.store.session() as session:
            plan = plan_of_action(session, self.action_id)
        year = rows[-1].year + 1 if rows else (plan.year_from if plan else 2025)
        if isinstance(plan, StrategicPlan):
            year = min(year, plan.year_to)
        source = rows[-1].source_id if rows else sources[0][0]
        return {"year": year, "source_id": source, "planned_cents": 0}

    def _show_total(self) -> None:
        if self.context is None or self.action_id is None:
            self.total.clear()
            return
        try:
            rows = funding.rows_of(self.context.store, self.action_id)
        except UserError:  # the action was deleted meanwhile
            rows = []
        planned, spent = funding.budget_cents(rows), funding.spent_cents(rows)
        text = _("Budżet działania (suma wierszy): {planned}").format(planned=show_money(planned))
        if spent is not None:
            text += " · " + _("wydano: {spent}").format(spent=show_money(spent))
        self.total.setText(text)

    def on_change(self, change: Change) -> None:
        if change.record_type == "funding_source":
            self._refresh_names()
            self.panel.form.refresh_choices()
        self.panel.on_change(change)
        if change.record_type in ("action_funding", "municipality"):
            self._show_total()

    def flush(self) -> None:
        self.panel.form.flush()

    def record(self, record_id: str) -> ActionFunding:
        assert self.context is not None
        return records.get(self.context.store, ActionFunding, record_id)
