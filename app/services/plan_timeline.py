"""The plan's actions on a timeline: grouped by goal and objective, each term as the plan states it.

One list feeds the Gantt on the plan page and the one in the plan PDF. A term
spans from the first day of its first period to the last day of its last one (a
quarter covers the quarter, a school year September to August); a recurring
task ("corocznie, IV kw. 2025–2030") has one span a year. An action is overdue
from the day after the end of its stated period while it is not done or
dropped — the rule the overview, the attention list and the reports use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.model import Action, ActionStatus, TermPrecision
from app.services import terms
from app.services.plans import GoalNode
from app.services.schedules import FINISHED

GOAL, OBJECTIVE, ACTION = "goal", "objective", "action"


@dataclass(frozen=True)
class TimelineEntry:
    """A goal's or objective's heading (no spans) or an action with its spans."""

    kind: str  # goal | objective | action
    id: str
    code: str
    title: str
    status: ActionStatus = ActionStatus.PLANNED
    spans: tuple[tuple[date, date], ...] = ()
    term: str = ""  # as the plan states it: "III kw. 2025", "corocznie, IV kw. 2025–2030"
    precision: TermPrecision = TermPrecision.DAY
    overdue: bool = False

    @property
    def label(self) -> str:
        return f"{self.code}. {self.title}"

    def bar(self) -> dict[str, Any]:
        """What a Gantt row of either kind (screen, PDF) takes from an action."""
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "overdue": self.overdue,
            "spans": self.spans,
        }

    @property
    def start(self) -> date | None:
        return self.spans[0][0] if self.spans else None

    @property
    def end(self) -> date | None:
        return self.spans[-1][1] if self.spans else None


def action_overdue(status: ActionStatus | str | None, end: date | None, today: date) -> bool:
    """Past the last day of its stated period and neither done nor dropped."""
    finished = ActionStatus(status or ActionStatus.PLANNED) in FINISHED
    return end is not None and end < today and not finished


def action_entry(action: Action, code: str, today: date) -> TimelineEntry:
    precision = TermPrecision(action.term_precision or TermPrecision.DAY)
    spans: tuple[tuple[date, date], ...] = ()
    start, end = action.start_date or action.end_date, action.end_date or action.start_date
    if start is not None and end is not None:
        spans = tuple(terms.occurrences(start, end, precision, bool(action.recurring)))
    return TimelineEntry(
        ACTION,
        action.id,
        code,
        " ".join(action.title.split()),
        ActionStatus(action.status or ActionStatus.PLANNED),
        spans,
        terms.label(action.start_date, action.end_date, precision, bool(action.recurring)),
        precision,
        action_overdue(action.status, action.end_date, today),
    )


def timeline(goals: Sequence[GoalNode], today: date) -> list[TimelineEntry]:
    """Goals, their objectives and actions in tree order, numbered as the plan PDF numbers them."""
    entries: list[TimelineEntry] = []
    for g_index, node in enumerate(goals, start=1):
        goal_code = node.goal.code or str(g_index)
        entries.append(TimelineEntry(GOAL, node.goal.id, goal_code, node.goal.title))
        for o_index, o_node in enumerate(node.objectives, start=1):
            code = o_node.objective.code or f"{goal_code}.{o_index}"
            objective = o_node.objective
            entries.append(TimelineEntry(OBJECTIVE, objective.id, code, objective.title))
            entries += [
                action_entry(action, f"{code}.{a_index}", today)
                for a_index, action in enumerate(o_node.actions, start=1)
            ]
    return entries


def plan_period(year_from: int, year_to: int) -> tuple[date, date]:
    return date(year_from, 1, 1), date(year_to, 12, 31)


__all__ = [
    "ACTION",
    "GOAL",
    "OBJECTIVE",
    "TimelineEntry",
    "action_entry",
    "action_overdue",
    "plan_period",
    "timeline",
]
