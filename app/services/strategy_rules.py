"""Rules for the parts of a strategy added with financing rows (see app.model.strategy).

Rules within one record go in :data:`RULES`; rules that read other records
(the plan's years, the indicator's dates, the realizator's municipality) in
:func:`check_consistency`. Both are called from :mod:`app.services.validation`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import _
from app.model import (
    Action,
    ActionFunding,
    DiagnosisTable,
    Direction,
    Goal,
    Indicator,
    IndicatorMilestone,
    Institution,
    Objective,
    PlanConsultation,
    Problem,
    ProblemKind,
    Record,
    School,
    StrategicPlan,
    TermPrecision,
)
from app.services import terms

DIAGNOSIS_SECTIONS = ("context", "education", "demography", "conclusions")
MAX_IDS = 100


def fail(message: str, field: str | None = None) -> UserError:
    return UserError(message, field=field)


def check_ids(name: str, label: str, value: Any) -> list[str]:
    """A list of record ids (partners, goals answering a cause), without repeats."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise fail(_("Pole „{label}” ma niepoprawną wartość.").format(label=label), name)
    if len(value) > MAX_IDS or any(len(v) > 36 for v in value):
        raise fail(_("Pole „{label}” ma niepoprawną wartość.").format(label=label), name)
    return list(dict.fromkeys(value))


# -- rules within one record ------------------------------------------------------------


def action_rules(record: Action) -> None:
    """Also widens the term to whole periods, so overdue everywhere reads the period's end."""
    precision = TermPrecision(record.term_precision or TermPrecision.DAY)
    start, end = terms.snap(record.start_date, record.end_date, precision)
    if (start, end) != (record.start_date, record.end_date):
        record.start_date, record.end_date = start, end
    if record.recurring and (record.start_date is None or record.end_date is None):
        raise fail(_("Zadanie coroczne wymaga pierwszego i ostatniego roku."), "end_date")


def _consultation_rules(record: Record) -> None:
    assert isinstance(record, PlanConsultation)
    if record.date_from and record.date_to and record.date_to < record.date_from:
        raise fail(_("Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."), "date_to")


def _table_rules(record: Record) -> None:
    assert isinstance(record, DiagnosisTable)
    if record.section not in DIAGNOSIS_SECTIONS:
        raise fail(_("Nieznana część diagnozy."), "section")


def indicator_rules(record: Indicator) -> None:
    """Target against baseline as the indicator's kind reads them."""
    kind = Direction(record.direction or Direction.UP)
    baseline, target = record.baseline_value, record.target_value
    if kind is Direction.YES_NO:
        for name, value in (("baseline_value", baseline), ("target_value", target)):
            if value is not None and value not in (0, 1):
                raise fail(_("Miernik tak/nie przyjmuje wartości 1 (tak) albo 0 (nie)."), name)
        return
    if target is None or baseline is None:
        return
    if target == baseline and kind in (Direction.UP, Direction.DOWN):
        raise fail(_("Wartość docelowa musi różnić się od wartości bazowej."), "target_value")


RULES: dict[type[Record], Callable[[Record], None]] = {
    PlanConsultation: _consultation_rules,
    DiagnosisTable: _table_rules,
}


# -- rules that read other records ---------------------------------------------------------


def check_consistency(session: Session, record: Record, fields: Collection[str] | None) -> None:
    def changed(*names: str) -> bool:
        return fields is None or bool(set(names) & set(fields))

    if isinstance(record, ActionFunding) and changed("year", "action_id"):
        _year_in_plan(session, record)
    if isinstance(record, IndicatorMilestone) and changed("due_date", "value"):
        _milestone_in_period(session, record)
    if isinstance(record, Action) and changed("realizator_id", "partner_ids"):
        _institutions_of_municipality(session, record)
    if isinstance(record, Problem) and changed("above_id", "kind", "answered_by"):
        _problem_place(session, record)


def plan_of_action(session: Session, action_id: str) -> StrategicPlan | None:
    action = session.get(Action, action_id)
    objective = session.get(Objective, action.objective_id) if action else None
    goal = session.get(Goal, objective.goal_id) if objective else None
    return session.get(StrategicPlan, goal.plan_id) if goal else None


def _year_in_plan(session: Session, record: ActionFunding) -> None:
    plan = plan_of_action(session, record.action_id)
    if plan is not None and not plan.year_from <= record.year <= plan.year_to:
        raise fail(
            _("Rok {year} jest poza okresem planu ({start}–{end}).").format(
                year=record.year, start=plan.year_from, end=plan.year_to
            ),
            "year",
        )


def _milestone_in_period(session: Session, record: IndicatorMilestone) -> None:
    indicator = session.get(Indicator, record.indicator_id)
    if indicator is None:
        return
    if indicator.target_date is not None and record.due_date > indicator.target_date:
        raise fail(
            _("Kamień milowy nie może przypadać po terminie osiągnięcia wartości docelowej."),
            "due_date",
        )
    if indicator.baseline_date is not None and record.due_date <= indicator.baseline_date:
        raise fail(
            _("Kamień milowy musi przypadać po dacie wartości bazowej."),
            "due_date",
        )
    if Direction(indicator.direction) is Direction.YES_NO and record.value not in (0, 1):
        raise fail(_("Miernik tak/nie przyjmuje wartości 1 (tak) albo 0 (nie)."), "value")


def _institutions_of_municipality(session: Session, record: Action) -> None:
    for name, ids in (
        ("realizator_id", [record.realizator_id] if record.realizator_id else []),
        ("partner_ids", list(record.partner_ids or [])),
    ):
        for target_id in ids:
            target = session.get(Institution, target_id) or session.get(School, target_id)
            if (
                target is None
                or target.deleted_at is not None
                or target.municipality_id != record.municipality_id
            ):
                raise fail(_("Wskazana instytucja nie istnieje (mogła zostać usunięta)."), name)


def _problem_place(session: Session, record: Problem) -> None:
    parent = session.get(Problem, record.above_id) if record.above_id else None
    if record.above_id and (parent is None or parent.plan_id != record.plan_id):
        raise fail(_("Element nadrzędny należy do innego planu."), "above_id")
    if record.kind is ProblemKind.CENTRAL and parent is not None:
        raise fail(_("Problem główny nie może mieć elementu nadrzędnego."), "above_id")
    if parent is not None and parent.kind is not ProblemKind.CENTRAL and parent.kind != record.kind:
        raise fail(_("Przyczyna może leżeć tylko pod przyczyną, skutek pod skutkiem."), "kind")
    for target_id in record.answered_by or []:
        target = session.get(Goal, target_id) or session.get(Objective, target_id)
        if target is None or target.municipality_id != record.municipality_id:
            raise fail(_("Wskazany cel nie istnieje (mógł zostać usunięty)."), "answered_by")
