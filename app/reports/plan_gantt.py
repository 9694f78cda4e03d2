"""The plan PDF's Gantt chart of the actions (chapter 8), drawn by the HDR's GanttChart.

Goals and objectives are headings; each action has its term to the day at the
precision the plan states it (a quarter covers the quarter, a school year
September to August) and a recurring task one bar a year. The rows come from
:mod:`app.services.plan_timeline`, the same list as the plan page's Gantt.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.i18n import _
from app.reports.blocks import caption, empty
from app.reports.gantt_chart import GanttChart, GanttRow, gantt_legend
from app.reports.queries import PlanData
from app.services import plan_timeline
from app.services.plan_timeline import ACTION, GOAL, OBJECTIVE

LABEL_WIDTH = 62 * mm


def gantt_rows(data: PlanData) -> list[GanttRow]:
    """Headings and dated actions; a heading with no dated action under it is left out."""
    rows: list[GanttRow] = []
    waiting: dict[str, GanttRow] = {}  # the goal's and objective's headings not yet printed
    for entry in plan_timeline.timeline(data.goals, data.today):
        if entry.kind == GOAL:
            waiting = {GOAL: GanttRow(entry.label)}
        elif entry.kind == OBJECTIVE:
            waiting.pop(OBJECTIVE, None)
            waiting[OBJECTIVE] = GanttRow(entry.label)
        elif entry.kind == ACTION and entry.spans:
            rows += waiting.values()
            waiting = {}
            rows.append(GanttRow(**entry.bar()))
    return rows


def plan_gantt(data: PlanData, width: float) -> list[Flowable]:
    rows = gantt_rows(data)
    if not rows:
        return [empty(_("Żadne działanie planu nie ma jeszcze terminu."))]
    start, end = plan_timeline.plan_period(data.plan.year_from, data.plan.year_to)
    chart = GanttChart(rows, start, end, label_width=LABEL_WIDTH, today=data.today)
    return [
        chart,
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                gantt_legend(width),
                caption(
                    _(
                        "Terminy z dokładnością podaną w planie (dzień, miesiąc, kwartał, "
                        "rok szkolny, rok); zadanie coroczne ma pasek w każdym roku."
                    )
                ),
            ]
        ),
    ]
