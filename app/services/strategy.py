"""Reading a plan's strategy parts at once: institutions, problems, tables, consultations, money.

Used by the plan PDF, the budget spreadsheet and the plan page; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from app.i18n import N_, _
from app.model import (
    DiagnosisTable,
    Institution,
    PlanConsultation,
    Problem,
    ProblemKind,
    School,
    StrategicPlan,
)
from app.services import records
from app.services.plan_budget import PlanBudget, plan_budget
from app.services.plans import GoalNode
from app.storage.store import Store


@dataclass
class ProblemNode:
    problem: Problem
    children: list[ProblemNode] = field(default_factory=list)


@dataclass(frozen=True)
class StrategyParts:
    institutions: dict[str, str]  # id → name (institutions and schools)
    problems: list[ProblemNode]  # central problems with their causes and effects
    tables: list[DiagnosisTable]
    consultations: list[PlanConsultation]
    budget: PlanBudget | None


def empty_parts() -> StrategyParts:
    return StrategyParts({}, [], [], [], None)


def problem_tree(problems: list[Problem]) -> list[ProblemNode]:
    """Roots (problems without a live parent) with their children, in position order."""
    nodes = {p.id: ProblemNode(p) for p in sorted(problems, key=lambda p: p.position)}
    roots: list[ProblemNode] = []
    for node in nodes.values():
        parent = nodes.get(node.problem.above_id or "")
        (parent.children if parent is not None else roots).append(node)
    roots.sort(key=lambda n: (n.problem.kind is not ProblemKind.CENTRAL, n.problem.position))
    return roots


def table_rows(table: DiagnosisTable) -> list[list[str]]:
    """The table's rows (headers first) from its tab-separated content."""
    return [line.split("\t") for line in (table.content or "").splitlines() if line.strip()]


def parse_pasted(text: str) -> list[list[str]]:
    """Cells pasted from a spreadsheet: rows by line, cells by tab (``a | b`` also splits)."""
    rows = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        cells = line.split("\t") if "\t" in line else [c.strip() for c in line.split("|")]
        rows.append([cell.strip() for cell in cells])
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def to_content(rows: list[list[str]]) -> str:
    """Rows as stored: tab-separated lines (tabs and line breaks inside a cell become spaces)."""
    return "\n".join(
        "\t".join(" ".join(cell.replace("\t", " ").split()) for cell in row) for row in rows
    )


def strategy_parts(
    store: Store, plan_id: str, goals: list[GoalNode] | None = None
) -> StrategyParts:
    plan = records.get(store, StrategicPlan, plan_id)
    with store.session() as session:
        names = {
            i.id: i.name
            for i in session.scalars(
                select(Institution).where(Institution.municipality_id == plan.municipality_id)
            )
        }
        names.update(
            {
                s.id: s.name
                for s in session.scalars(
                    select(School).where(School.municipality_id == plan.municipality_id)
                )
            }
        )
        problems = list(session.scalars(select(Problem).where(Problem.plan_id == plan_id)))
        tables = list(
            session.scalars(
                select(DiagnosisTable)
                .where(DiagnosisTable.plan_id == plan_id)
                .order_by(DiagnosisTable.position, DiagnosisTable.created_at)
            )
        )
        consultations = list(
            session.scalars(
                select(PlanConsultation)
                .where(PlanConsultation.plan_id == plan_id)
                .order_by(PlanConsultation.date_from, PlanConsultation.position)
            )
        )
    return StrategyParts(
        names, problem_tree(problems), tables, consultations, plan_budget(store, plan_id, goals)
    )


def next_evaluation_date(plan: StrategicPlan, today: date) -> tuple[date, str] | None:
    """The next date of the plan's evaluation calendar on or after ``today``, with its kind."""
    found: list[tuple[date, str]] = []
    for when, kind in (
        (plan.midterm_evaluation_date, "midterm"),
        (plan.final_evaluation_date, "final"),
    ):
        if when is not None and when >= today:
            found.append((when, kind))
    first = plan.yearly_report_date
    if first is not None:
        for year in range(max(first.year, today.year), plan.year_to + 2):
            try:
                when = first.replace(year=year)
            except ValueError:
                when = first.replace(year=year, day=28)
            if when >= today:
                found.append((when, "yearly"))
                break
    return min(found) if found else None


EVALUATION_KINDS = {
    "midterm": N_("ewaluacja śródokresowa"),
    "final": N_("ewaluacja końcowa"),
    "yearly": N_("raport roczny"),
    "consultation": N_("konsultacje społeczne"),
}


def next_evaluation(store: Store, municipality_id: str, today: date) -> tuple[date, str] | None:
    """The next date of the open plans' evaluation calendars or planned consultations."""
    from app.model import PlanStatus
    from app.services import plans

    open_plans = [
        plan
        for plan in plans.plans_of(store, municipality_id)
        if plan.status is not PlanStatus.CLOSED
    ]
    found = [when for plan in open_plans if (when := next_evaluation_date(plan, today)) is not None]
    with store.session() as session:
        consultation = session.scalars(
            select(PlanConsultation.date_from)
            .where(
                PlanConsultation.plan_id.in_([plan.id for plan in open_plans]),
                PlanConsultation.deleted_at.is_(None),
                PlanConsultation.date_from >= today,
            )
            .order_by(PlanConsultation.date_from)
            .limit(1)
        ).first()
    if consultation is not None:
        found.append((consultation, "consultation"))
    return min(found) if found else None


def next_evaluation_text(
    store: Store, municipality_id: str, today: date
) -> tuple[date, str] | None:
    """:func:`next_evaluation` with its kind in words ("ewaluacja śródokresowa")."""
    found = next_evaluation(store, municipality_id, today)
    return None if found is None else (found[0], _(EVALUATION_KINDS[found[1]]))
