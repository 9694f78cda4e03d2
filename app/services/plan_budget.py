"""A plan's budget: every financing row with its goal, and the tables a council reads.

By source × year, by goal × year (both with totals) and planned against spent;
the plan page, the plan PDF and the .xlsx export show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Action, ActionFunding, StrategicPlan
from app.services import funding, plans, records
from app.services.funding import BudgetTable, by_key_and_year
from app.services.plans import GoalNode
from app.storage.store import Store


@dataclass(frozen=True)
class FundingLine:
    """One financing row with what it belongs to, for lists and the spreadsheet."""

    goal: str
    objective: str
    action: Action
    source: str
    row: ActionFunding


@dataclass(frozen=True)
class PlanBudget:
    plan: StrategicPlan
    lines: list[FundingLine]
    by_source: BudgetTable
    by_goal: BudgetTable
    goal_labels: list[str]

    @property
    def planned(self) -> int:
        return sum(line.row.planned_cents for line in self.lines)

    @property
    def spent(self) -> int:
        return sum(line.row.spent_cents or 0 for line in self.lines)

    def planned_spent_by_goal(self) -> list[tuple[str, int, int]]:
        """(goal, planned, spent) in the goals' order."""
        sums = {label: [0, 0] for label in self.goal_labels}
        for line in self.lines:
            pair = sums.setdefault(line.goal, [0, 0])
            pair[0] += line.row.planned_cents
            pair[1] += line.row.spent_cents or 0
        return [(label, p, s) for label, (p, s) in sums.items() if p or s]


def goal_label(node: GoalNode, index: int) -> str:
    return f"{node.goal.code or index}. {node.goal.title}"


def plan_budget(store: Store, plan_id: str, goals: list[GoalNode] | None = None) -> PlanBudget:
    plan = records.get(store, StrategicPlan, plan_id)
    goals = plans.tree(store, plan_id) if goals is None else goals
    catalogue = funding.source_names(store, plan.municipality_id)
    names = dict(catalogue)
    placed: list[tuple[str, str, Action]] = []
    goal_labels: list[str] = []
    for g_index, node in enumerate(goals, start=1):
        label = goal_label(node, g_index)
        goal_labels.append(label)
        for o_index, o_node in enumerate(node.objectives, start=1):
            code = o_node.objective.code or f"{node.goal.code or g_index}.{o_index}"
            for action in o_node.actions:
                placed.append((label, f"{code}. {o_node.objective.title}", action))
    with store.session() as session:
        rows = funding.rows_of_actions(session, [a.id for _g, _o, a in placed])
    lines = [
        FundingLine(goal, objective, action, names.get(row.source_id, "?"), row)
        for goal, objective, action in placed
        for row in rows.get(action.id, [])
    ]
    years = list(range(plan.year_from, plan.year_to + 1))
    by_source = by_key_and_year(
        years, ((line.source, line.row) for line in lines), [name for _id, name in catalogue]
    )
    by_goal = by_key_and_year(years, ((line.goal, line.row) for line in lines), goal_labels)
    return PlanBudget(plan, lines, by_source, by_goal, goal_labels)
