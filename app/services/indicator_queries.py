"""Read-only queries over indicators for lists and charts (no Qt, no writes).

:func:`indicators_of_plan` gives every live indicator of a plan with its
measurements and milestones in three queries, so a list can compute each status with
:func:`app.services.indicators.evaluate` without a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from app.model import Action, Goal, Indicator, IndicatorMilestone, Measurement, Objective
from app.storage.store import Store


@dataclass(frozen=True)
class IndicatorWithMeasurements:
    """An indicator and its live measurements, oldest first (same day: in entry order)."""

    indicator: Indicator
    measurements: tuple[Measurement, ...]
    milestones: tuple[IndicatorMilestone, ...] = ()


def indicators_of_plan(store: Store, plan_id: str) -> list[IndicatorWithMeasurements]:
    """The plan's indicators: its own and those of its goals, objectives and actions.

    In the users' order (``position``, then creation). A plan that is gone has none.
    """
    goals = select(Goal.id).where(Goal.plan_id == plan_id)
    objectives = (
        select(Objective.id).join(Goal, Objective.goal_id == Goal.id).where(Goal.plan_id == plan_id)
    )
    actions = (
        select(Action.id)
        .join(Objective, Action.objective_id == Objective.id)
        .join(Goal, Objective.goal_id == Goal.id)
        .where(Goal.plan_id == plan_id)
    )
    with store.session() as session:
        found = session.scalars(
            select(Indicator)
            .where(
                or_(
                    Indicator.plan_id == plan_id,
                    Indicator.goal_id.in_(goals),
                    Indicator.objective_id.in_(objectives),
                    Indicator.action_id.in_(actions),
                )
            )
            .order_by(Indicator.position, Indicator.created_at)
        ).all()
        ids = [indicator.id for indicator in found]
        rows = session.scalars(
            select(Measurement)
            .where(Measurement.indicator_id.in_(ids))
            .order_by(Measurement.measured_on, Measurement.created_at)
        ).all()
        steps = session.scalars(
            select(IndicatorMilestone)
            .where(IndicatorMilestone.indicator_id.in_(ids))
            .order_by(IndicatorMilestone.due_date)
        ).all()
    by_indicator: dict[str, list[Measurement]] = {indicator_id: [] for indicator_id in ids}
    for measurement in rows:
        by_indicator[measurement.indicator_id].append(measurement)
    by_milestone: dict[str, list[IndicatorMilestone]] = {indicator_id: [] for indicator_id in ids}
    for step in steps:
        by_milestone[step.indicator_id].append(step)
    return [
        IndicatorWithMeasurements(i, tuple(by_indicator[i.id]), tuple(by_milestone[i.id]))
        for i in found
    ]
