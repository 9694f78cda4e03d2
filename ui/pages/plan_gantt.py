"""The plan's actions on a Gantt chart, by goal and objective, terms as the plan states them.

Read-only: a quarter's bar covers the quarter, a school year September to
August, a year January to December, a single day is a thin mark, and a
recurring task ("corocznie, IV kw. 2025–2030") shows each occurrence. An
overdue action is outlined red with ⚠; the red line is today. Enter or a double
click opens the action in the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import StrategicPlan
from app.services import plan_timeline, records
from app.services.plan_timeline import ACTION, GOAL, TimelineEntry
from app.services.plans import GoalNode
from ui.context import EditorContext
from ui.models.schedule import TimelineRow
from ui.widgets.gantt import GanttLegend, GanttView, ZoomButtons


def keys_help() -> str:
    return _(
        "Wykres pokazuje terminy działań z dokładnością podaną w planie; zadanie coroczne "
        "ma pasek w każdym roku. Terminy zmienia się w formularzu działania.\n"
        "Klawiatura: ↑/↓ wybór pozycji, ←/→ przewijanie, Home dzisiaj, "
        "Enter lub dwuklik: działanie w drzewie planu."
    )


def timeline_rows(entries: Sequence[TimelineEntry]) -> list[TimelineRow]:
    """Headings for goals and objectives, a bar row (with every period) for each action."""
    rows = []
    for entry in entries:
        if entry.kind == ACTION:
            term = entry.term or _("bez terminu")
            rows.append(TimelineRow("item", entry.id, term=term, depth=2, **entry.bar()))
        else:
            depth = 0 if entry.kind == GOAL else 1
            rows.append(TimelineRow("priority", entry.id, entry.label, depth=depth))
    return rows


class PlanGanttView(GanttView):
    """The HDR's timeline, read-only, with a plan's names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = False
        self.names_heading = _("Cel / działanie")
        self.empty_text = _("Plan nie ma jeszcze działań.")
        self.setAccessibleName(_("Wykres Gantta działań planu"))
        self.setAccessibleDescription(keys_help())


class PlanGanttTab(QWidget):
    """The tab beside the plan's tree."""

    record_activated = Signal(str)  # a goal's, objective's or action's id: show it in the tree

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EditorContext | None = None
        self.plan_id: str | None = None
        self.today: date | None = None  # None: the real today (tests set a day)
        self.gantt = PlanGanttView()
        self.gantt.activated.connect(self.record_activated)
        self.gantt.zoom_changed.connect(self._show_zoom)
        self.legend = GanttLegend(outside=_("poza okresem planu"))
        self.zoom_group = ZoomButtons(self, self.set_zoom)
        note = QLabel(
            _(
                "Terminy z dokładnością podaną w planie; zadanie coroczne ma pasek w każdym "
                "roku. Enter lub dwuklik otwiera działanie w drzewie."
            )
        )
        note.setWordWrap(True)
        note.setToolTip(keys_help())
        self.gantt.setToolTip(keys_help())
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(QLabel(_("Skala:")))
        bar.addWidget(self.zoom_group.months)
        bar.addWidget(self.zoom_group.quarters)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.gantt, 1)
        layout.addWidget(self.legend)

    def show_plan(
        self, context: EditorContext | None, plan_id: str | None, goals: Sequence[GoalNode]
    ) -> None:
        """The plan's tree (as the page has just read it) on the chart."""
        new_plan = plan_id != self.plan_id
        self.context, self.plan_id = context, plan_id
        if context is None or plan_id is None:
            self.gantt.set_rows([], None, self.today, new_schedule=True)
            return
        plan = records.get(context.store, StrategicPlan, plan_id)
        today = self.today or date.today()
        entries = plan_timeline.timeline(goals, today)
        period = plan_timeline.plan_period(plan.year_from, plan.year_to)
        self.gantt.set_rows(timeline_rows(entries), period, today, new_schedule=new_plan)

    def set_zoom(self, zoom: str) -> None:
        self.gantt.set_zoom(zoom)
        self._show_zoom(zoom)

    def _show_zoom(self, zoom: str) -> None:
        self.zoom_group.show_zoom(zoom)


__all__ = ["PlanGanttTab", "PlanGanttView", "keys_help", "timeline_rows"]
